import { DynamicModule, Global, Module } from '@nestjs/common';
import { Clock } from '../clock/clock';
import { AppConfig, loadConfig } from './app-config';

/**
 * Provides the validated AppConfig and the Clock. `forRoot()` reads the process environment;
 * tests pass their own variables so parallel test files never share state
 * through process.env.
 */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config?: AppConfig): DynamicModule {
    return {
      module: ConfigModule,
      providers: [{ provide: AppConfig, useValue: config ?? loadConfig() }, Clock],
      exports: [AppConfig, Clock],
    };
  }
}
