import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, fromBody, fromCreation } from '@samen/access';
import {
  ApiCommandHeaders,
  CommandAcceptedDto,
  FromCommandRequest,
  IdParam,
  newEntityId,
  type CommandRequest,
} from '@samen/command-handling';
import {
  MakePaymentCommand,
  RecordInvoicePaidCommand,
  ReversePaymentCommand,
  SubmitInvoiceCommand,
} from '../application/money.commands';
import { MakePaymentDto, RecordInvoicePaidDto, ReversePaymentDto, SubmitInvoiceDto } from './money.dto';
import { toMakePayment, toRecordInvoicePaid, toReversePayment, toSubmitInvoice } from './money.to-command';
import { invoiceStream } from '../domain/invoice';
import { paymentStream } from '../domain/payment';

@ApiTags('geld / money')
@ApiCommandHeaders()
@ApiCreatedResponse({ type: CommandAcceptedDto })
@Controller()
export class MoneyController {
  constructor(private readonly commands: CommandBus) {}

  @Post('payments')
  @Access.ownParty(fromBody('fromPartyId'))
  @ApiOperation({ summary: 'Betaling vastleggen / record a payment' })
  async pay(@Body() dto: MakePaymentDto, @FromCommandRequest() request: CommandRequest) {
    const paymentId = dto.paymentId ?? newEntityId(request.idempotencyKey, 'payment');
    const command = new MakePaymentCommand(toMakePayment(dto, paymentId), request.envelope(dto.occurredAt));
    return CommandAcceptedDto.from(await this.commands.execute(command), paymentId);
  }

  @Post('payments/:paymentId/reversal')
  @Access.ownParty(fromCreation(paymentStream, 'paymentId', 'fromPartyId'))
  @ApiOperation({ summary: 'Betaling terugdraaien / reverse a payment' })
  async reverse(
    @IdParam('paymentId') paymentId: string,
    @Body() dto: ReversePaymentDto,
    @FromCommandRequest() request: CommandRequest,
  ) {
    const command = new ReversePaymentCommand(toReversePayment(dto, paymentId), request.envelope(dto.occurredAt));
    return CommandAcceptedDto.from(await this.commands.execute(command));
  }

  @Post('invoices')
  @Access.ownParty(fromBody('fromPartyId'))
  @ApiOperation({ summary: 'Factuur indienen / submit an invoice' })
  async submitInvoice(@Body() dto: SubmitInvoiceDto, @FromCommandRequest() request: CommandRequest) {
    const invoiceId = dto.invoiceId ?? newEntityId(request.idempotencyKey, 'invoice');
    const command = new SubmitInvoiceCommand(toSubmitInvoice(dto, invoiceId), request.envelope(dto.occurredAt));
    return CommandAcceptedDto.from(await this.commands.execute(command), invoiceId);
  }

  @Post('invoices/:invoiceId/payment')
  @Access.ownParty(fromCreation(invoiceStream, 'invoiceId', 'toPartyId'))
  @ApiOperation({ summary: 'Factuur betaald / an invoice was paid' })
  async invoicePaid(
    @IdParam('invoiceId') invoiceId: string,
    @Body() dto: RecordInvoicePaidDto,
    @FromCommandRequest() request: CommandRequest,
  ) {
    const command = new RecordInvoicePaidCommand(toRecordInvoicePaid(dto, invoiceId), request.envelope(dto.occurredAt));
    return CommandAcceptedDto.from(await this.commands.execute(command));
  }
}
