import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Access } from '@samen/access';
import { acceptsGzip } from '@samen/views';

interface Asset {
  readonly type: string;
  readonly body: Buffer;
  readonly gzipped: Buffer;
}

/** The repository's root, from the sources (tests) as from the build (dist/…). */
function projectRoot(from: string): string {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'libs', 'web', 'assets'))) return dir;
  }
  throw new Error(`The web assets (libs/web/assets) are not found above ${from}`);
}

const ROOT = projectRoot(__dirname);
/** The NL Design System's published CSS as its packages ship it, and the ledger's own few rules. */
const FILES: Readonly<Record<string, { path: string; type: string }>> = {
  'utrecht-tokens.css': {
    path: require.resolve('@utrecht/design-tokens/dist/index.css'),
    type: 'text/css; charset=utf-8',
  },
  'utrecht.css': {
    path: require.resolve('@utrecht/component-library-css/dist/index.css'),
    type: 'text/css; charset=utf-8',
  },
  'ledger.css': { path: join(ROOT, 'libs/web/assets/ledger.css'), type: 'text/css; charset=utf-8' },
  'ledger.js': { path: join(ROOT, 'libs/web/assets/ledger.js'), type: 'text/javascript; charset=utf-8' },
};

const assets = new Map<string, Asset>();

/** Read and compressed once, on first use; cached by browsers for a day. */
function assetOf(name: string): Asset | undefined {
  const file = Object.hasOwn(FILES, name) ? FILES[name] : undefined;
  if (!file) return undefined;
  let asset = assets.get(name);
  if (!asset) {
    const body = readFileSync(file.path);
    asset = { type: file.type, body, gzipped: gzipSync(body, { level: 9 }) };
    assets.set(name, asset);
  }
  return asset;
}

@ApiExcludeController()
@Access.public()
@Controller('app/static')
export class WebAssetsController {
  @Get(':name')
  asset(@Param('name') name: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const asset = assetOf(name);
    if (!asset) return reply.code(404).type('text/plain; charset=utf-8').send('Niet gevonden / not found');
    const gzip = acceptsGzip(request.headers['accept-encoding']);
    reply
      .header('content-type', asset.type)
      .header('cache-control', 'public, max-age=86400')
      .header('vary', 'accept-encoding');
    if (gzip) reply.header('content-encoding', 'gzip');
    return reply.send(gzip ? asset.gzipped : asset.body);
  }
}
