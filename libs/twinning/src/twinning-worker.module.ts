import { Module } from '@nestjs/common';
import { CitiesModule } from '@app/cities';
import { CityOfficerService } from '@app/identity';
import { ActivityService } from './feed/activity.service';
import { DigestService } from './feed/digest.service';
import { DigestWorker } from './feed/digest.worker';
import { TwinningAccessService } from './twinning-access.service';

/** The worker's part of twinning: sending due workspace digests. */
@Module({
  imports: [CitiesModule],
  providers: [CityOfficerService, TwinningAccessService, ActivityService, DigestService, DigestWorker],
})
export class TwinningWorkerModule {}
