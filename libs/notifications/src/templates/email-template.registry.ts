import { Injectable } from '@nestjs/common';
import type { AnyEmailTemplate } from './email-template';

export const EMAIL_TEMPLATES = Symbol('EMAIL_TEMPLATES');

/** Every template by name; a duplicate or unknown name is a programming error caught at start or enqueue. */
@Injectable()
export class EmailTemplateRegistry {
  private readonly byName = new Map<string, AnyEmailTemplate>();

  constructor(templates: AnyEmailTemplate[]) {
    for (const template of templates) {
      if (this.byName.has(template.name)) throw new Error(`Email template "${template.name}" is registered twice`);
      this.byName.set(template.name, template);
    }
  }

  get(name: string): AnyEmailTemplate {
    const template = this.byName.get(name);
    if (!template) throw new Error(`No email template named "${name}" is registered`);
    return template;
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }
}
