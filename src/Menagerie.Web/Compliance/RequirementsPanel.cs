using Menagerie.App.Compliance;
using Menagerie.Web.Shared;

namespace Menagerie.Web.Compliance;

/// <summary>
/// A compliance report as a page shows it: a transfer's requirements (where a curator may confirm a warning with
/// the reason) or a shipment file's. <paramref name="ProblemsOf"/> names the confirmation form the problems belong to.
/// <paramref name="Past"/>: the animals have left or the transfer has ended, so the documents missing are the ones it
/// went without, not ones still to get.
/// </summary>
public sealed record RequirementsPanel(ComplianceView? Report, bool MayConfirmWarnings, FormProblems Problems, string? ProblemsOf, bool Past = false);
