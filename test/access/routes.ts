import type { INestApplication } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { ACCESS_DECLARATION, type AccessDeclaration } from '@samen/access';

export interface DeclaredRoute {
  /** e.g. "POST /roles/:roleId/vacate" */
  readonly route: string;
  readonly declaration: AccessDeclaration | undefined;
}

/** Every route the application's controllers serve, with the access it declares (if any). */
export function declaredRoutes(app: INestApplication): DeclaredRoute[] {
  const routes: DeclaredRoute[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: unknown[]) => object) | undefined;
      if (!controller) continue;
      const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
      const prototype = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (method === undefined) continue;
        const path = String(Reflect.getMetadata(PATH_METADATA, handler) ?? '');
        const full = `/${[base, path].filter((p) => p && p !== '/').join('/')}`.replace(/\/+/g, '/');
        routes.push({
          route: `${RequestMethod[method]} ${full}`,
          declaration:
            (Reflect.getMetadata(ACCESS_DECLARATION, handler) as AccessDeclaration | undefined) ??
            (Reflect.getMetadata(ACCESS_DECLARATION, controller) as AccessDeclaration | undefined),
        });
      }
    }
  }
  return routes.sort((a, b) => a.route.localeCompare(b.route));
}
