import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

/** The name of the bearer scheme in the document; every operation asks for it (ADR 0007). */
export const BEARER_SCHEME = 'bearer';

/** OpenAPI at /docs (Swagger UI) and /docs-json. */
export function setUpOpenApi(app: INestApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('samen-ledger')
      .setDescription(
        'Het grootboek van afspraken, betalingen, aanwezigheid en overdrachten tussen bewonersinitiatieven, gemeenten en fondsen. / ' +
          'The ledger of commitments, payments, attendance and handovers between resident initiatives, gemeenten and funds.',
      )
      .setVersion('0.1.0')
      // Declared and required globally, so that "Authorize" at /docs sends the token with
      // every "Try it out". Routes open to anyone (health, published aggregates) accept
      // a request without it all the same.
      .addBearerAuth(
        {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'slt_…',
          description:
            'Een token van `ledger-cli token issue` (of het demotoken dat `npm start` toont). / ' +
            'A token from `ledger-cli token issue` (or the demo token `npm start` prints).',
        },
        BEARER_SCHEME,
      )
      .addSecurityRequirements(BEARER_SCHEME)
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
}
