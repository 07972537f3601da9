using Menagerie.Domain;
using Menagerie.Domain.Compliance;
using Menagerie.Domain.Documents;
using Menagerie.Domain.Specimens;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Menagerie.App.Persistence;

public static class IdConverters
{
    public sealed class InstitutionIdConverter() : ValueConverter<InstitutionId, Guid>(id => id.Value, value => new InstitutionId(value));

    public sealed class TaxonIdConverter() : ValueConverter<TaxonId, Guid>(id => id.Value, value => new TaxonId(value));

    public sealed class SpecimenIdConverter() : ValueConverter<SpecimenId, Guid>(id => id.Value, value => new SpecimenId(value));

    public sealed class TransferIdConverter() : ValueConverter<TransferId, Guid>(id => id.Value, value => new TransferId(value));

    public sealed class DocumentIdConverter() : ValueConverter<DocumentId, Guid>(id => id.Value, value => new DocumentId(value));

    public sealed class EventIdConverter() : ValueConverter<EventId, Guid>(id => id.Value, value => new EventId(value));

    public sealed class SexCountsConverter() : ValueConverter<SexCounts, string>(counts => counts.ToString(), text => Parse(text))
    {
        // Read as stored: a record is shown even if written before counts had their bound.
        private static SexCounts Parse(string text) =>
            SexCounts.TryParse(text, int.MaxValue, out var counts) ? counts : throw new FormatException($"'{text}' in the database is not male.female.unknown counts.");
    }

    /// <summary>A kind of document, stored by the name shipment files give it (<c>export-permit</c>).</summary>
    public sealed class DocumentTypeConverter() : ValueConverter<DocumentType, string>(type => DocumentNames.Name(type), text => Parse(text))
    {
        private static DocumentType Parse(string text) =>
            DocumentNames.TryParse(text, out var type) ? type : throw new FormatException($"'{text}' in the database is not a kind of document.");
    }

    /// <summary>Every instant is UTC; SQLite hands DateTime back unspecified, so the kind is restored on read.</summary>
    public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        value => value.ToUniversalTime(),
        value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
