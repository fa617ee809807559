/**
 * Kvalitetspeng and jämföraren (issue 19, docs/kvalitetspeng.md): the providers' indicator results per tertial
 * ({@code /api/quality-payment/results}, JSON or CSV with a per-row report), the decision {@code qualityPayment}
 * (processes/quality-payment.dmn) that turns them into a level and a rate per performed hour, and the period process
 * {@code qualityPaymentPeriod}: collect (reminder and escalation through {@code escalation}), compute, review,
 * approval by the committee's delegates, the recorded decision and each provider's e-mail (one mail path,
 * {@code ProviderMails}); the officers' period report ({@code .../report}, JSON and CSV) and the public comparison
 * {@code /jamfor} of approved periods only. A provider's results link
 * to its contract through the contracts module's {@link se.kommun.kvalitet.contracts.ContractDirectory}; in-house
 * units report without one. Everything here is internal to the module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Quality payment",
        allowedDependencies = {"contracts", "escalation", "notifications", "organisation", "reference", "shared",
                "slacalendar", "web"})
package se.kommun.kvalitet.qualitypayment;
