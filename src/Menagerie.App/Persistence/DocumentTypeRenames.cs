using Microsoft.EntityFrameworkCore.Migrations;

namespace Menagerie.App.Persistence;

/// <summary>
/// The migration of stored document types from the enum's names to the names shipment files give them, the same on
/// both providers. The pairs are written out, not derived from the enum, so that the migration does what it did
/// whatever the enum becomes. The ledger's entries keep the old names; verification reads them as the new ones.
/// </summary>
internal static class DocumentTypeRenames
{
    private static readonly (string Old, string New)[] Names =
    [
        ("CitesExportPermit", "export-permit"),
        ("CitesImportPermit", "import-permit"),
        ("CitesReExportCertificate", "re-export-certificate"),
        ("CertificateOfOrigin", "certificate-of-origin"),
        ("CaptiveBreedingCertificate", "captive-breeding-certificate"),
        ("ComparableDocumentation", "comparable-documentation"),
        ("VeterinaryHealthCertificate", "veterinary-certificate"),
        ("OwnershipDeed", "ownership-deed"),
        ("MinistryApproval", "ministry-approval"),
        ("Other", "other"),
        ("PreConventionCertificate", "pre-convention-certificate"),
        ("TravellingExhibitionCertificate", "travelling-exhibition-certificate"),
        ("VeterinaryImportConditions", "veterinary-import-conditions"),
        ("ShippersCertification", "shippers-certification"),
        ("SanctionsReview", "sanctions-review"),
        ("CargoInspection", "cargo-inspection"),
        ("PartyScreening", "party-screening"),
        ("NationalExportPermit", "national-export-permit"),
    ];

    public static void Up(MigrationBuilder migration) => Rename(migration, Names.Select(n => (n.Old, n.New)));

    public static void Down(MigrationBuilder migration) => Rename(migration, Names.Select(n => (n.New, n.Old)));

    private static void Rename(MigrationBuilder migration, IEnumerable<(string From, string To)> names)
    {
        foreach (var (from, to) in names)
            migration.Sql($"UPDATE \"TransferDocuments\" SET \"Type\" = '{to}' WHERE \"Type\" = '{from}';");
    }
}
