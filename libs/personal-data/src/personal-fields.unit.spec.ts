import { personalDataOf } from './personal-fields';

describe('personal data in events', () => {
  it('finds a registered person’s name and contact details, keyed to that person', () => {
    expect(
      personalDataOf('PersonRegistered', { personId: 'p-0001', name: 'Sanne de Vries', email: 'sanne@example.org' }),
    ).toEqual({ subject: 'p-0001', fields: { name: 'Sanne de Vries', email: 'sanne@example.org' } });
  });

  it('treats a handover note as personal data of the person handing over', () => {
    expect(
      personalDataOf('HandoverRecorded', {
        roleId: 'kampen-beleidsadviseur',
        fromPersonId: 'p-0001',
        toPersonId: null,
        note: 'Vertrekt wegens ziekte.',
      }),
    ).toEqual({ subject: 'p-0001', fields: { note: 'Vertrekt wegens ziekte.' } });
  });

  it('finds nothing personal in a payment', () => {
    expect(personalDataOf('PaymentMade', { paymentId: 'x', amountInCents: 100 })).toBeUndefined();
  });
});
