using Menagerie.Domain.Compliance.Rules;

namespace Menagerie.Domain.Compliance;

/// <summary>Every rule the engine applies, in the order of the reference, and the check that runs them.</summary>
public static class Rulebook
{
    public static IReadOnlyList<ComplianceRule> All { get; } =
    [
        ListingRules.C01, ListingRules.C02, ListingRules.C03,
        PartyRules.P01,
        PermitRules.C10, PermitRules.C11, PermitRules.C12, PermitRules.C13, PermitRules.C14,
        PermitRules.C20, PermitRules.C22, TradeMeasureRules.C23,
        PermitRules.C30, PermitRules.C31, PermitRules.C33,
        ExemptionRules.C41, ExemptionRules.C42, ExemptionRules.C43, ExemptionRules.C44, ExemptionRules.C45, ExemptionRules.C46, ExemptionRules.C47,
        DocumentRules.C50, DocumentRules.C51, DocumentRules.C53, DocumentRules.C56,
        PermitRules.C60, PermitRules.C61, PermitRules.C62, PartyRules.C63, PartyRules.C64,
        VeterinaryRules.V01, VeterinaryRules.V02, VeterinaryRules.V03, VeterinaryRules.V04, VeterinaryRules.V07,
        AirCarriageRules.T14, AirCarriageRules.T15, AirCarriageRules.T16,
        WelfareRules.W01, WelfareRules.W03, WelfareRules.W04, WelfareRules.W06, WelfareRules.T21,
        NationalRules.L02, NationalRules.L04, VeterinaryRules.L10, NationalRules.L20, NationalRules.L21, NationalRules.L22, NationalRules.L24,
    ];

    /// <summary>
    /// The requirements of a shipment on a day (time-dependent rules are evaluated on <paramref name="on"/>),
    /// with confirmed warnings marked by their override. Overrides of blocks are ignored: a block cannot be waived.
    /// </summary>
    public static ComplianceReport Check(Shipment shipment, Checklist checklist, DateOnly on, ComplianceSettings? settings = null, IReadOnlyList<RequirementOverride>? overrides = null)
    {
        var context = new ComplianceContext(shipment, checklist, on, settings ?? new ComplianceSettings());
        var requirements = new List<Requirement>();
        foreach (var rule in All)
        {
            foreach (var requirement in rule.Evaluate(context))
            {
                var confirmed = requirement.Severity == Severity.Warn && requirement.Status != RequirementStatus.Satisfied
                    ? overrides?.LastOrDefault(o => o.Rule == requirement.Rule && (o.Lines.Count == 0 || o.Lines.Order().SequenceEqual(requirement.Lines.Order())))
                    : null;
                requirements.Add(confirmed is null ? requirement : requirement with { Override = confirmed });
            }
        }
        return new ComplianceReport(on, requirements, context.Listings);
    }
}
