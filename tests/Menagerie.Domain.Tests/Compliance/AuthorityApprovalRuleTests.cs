using Menagerie.Domain.Compliance;
using Menagerie.Domain.Documents;
using static Menagerie.Domain.Tests.Compliance.Reference;

namespace Menagerie.Domain.Tests.Compliance;

/// <summary>L-04: the exporting state's authority approves what leaves it, where the state requires it; an objection stops the shipment.</summary>
public sealed class AuthorityApprovalRuleTests
{
    private static readonly Checklist RussiaApproves = new(new ChecklistContents { Source = "test", AsOf = AsOf, AuthorityApproval = ["RU"] });

    private static ComplianceReport CheckApproving(Shipment shipment) => Rulebook.Check(shipment, RussiaApproves, shipment.Date);

    private static readonly AuthoritySignOff Approved = new("RU", "authority@RU", new DateTime(2024, 11, 8, 9, 0, 0, DateTimeKind.Utc), null, null, null);

    [Fact]
    public void A_state_that_does_not_require_approval_draws_no_requirement()
    {
        var report = Check(RussiaTo("KP", [Line(1, "Aix galericulata")]));

        Assert.Empty(report.Of("L-04"));
    }

    [Fact]
    public void A_shipment_file_needs_the_exporting_states_ministry_approval_document()
    {
        var without = CheckApproving(RussiaTo("KP", [Line(1, "Aix galericulata")]));
        var with = CheckApproving(RussiaTo("KP", [Line(1, "Aix galericulata")], Document(DocumentType.MinistryApproval, "RU", Departure.AddDays(-12))));

        Assert.True(without.Blocks("L-04"));
        Assert.Equal(RequirementStatus.Satisfied, Assert.Single(with.Of("L-04")).Status);
    }

    [Fact]
    public void A_transfer_needs_its_authoritys_sign_off_and_a_ministry_approval_document_does_not_stand_for_it()
    {
        var paper = RussiaTo("KP", [Line(1, "Aix galericulata")], Document(DocumentType.MinistryApproval, "RU", Departure.AddDays(-12))) with { SignOffs = [] };
        var signed = paper with { SignOffs = [Approved] };

        Assert.True(CheckApproving(paper).Blocks("L-04"));
        Assert.Equal(RequirementStatus.Satisfied, Assert.Single(CheckApproving(signed).Of("L-04")).Status);
    }

    [Fact]
    public void An_objection_of_either_states_authority_blocks_even_an_approved_transfer_and_where_no_approval_is_required()
    {
        var objection = new AuthoritySignOff("KP", null, null, "authority@KP", new DateTime(2024, 11, 10, 9, 0, 0, DateTimeKind.Utc), "Quarantine not ready");
        var objected = RussiaTo("KP", [Line(1, "Aix galericulata")]) with { SignOffs = [Approved, objection] };

        var approving = CheckApproving(objected);
        var notRequired = Check(objected);

        Assert.True(approving.Blocks("L-04"));
        Assert.Contains(approving.Of("L-04"), r => r.Status == RequirementStatus.Satisfied);
        var open = Assert.Single(notRequired.Of("L-04"));
        Assert.Contains("Quarantine not ready", open.Message.ToString(), StringComparison.Ordinal);
        Assert.True(notRequired.Blocks("L-04"));
    }
}
