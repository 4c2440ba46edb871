import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

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
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
}
