using System.Text.Json;

namespace Menagerie.App.Studbooks;

/// <summary>
/// Writes an <see cref="AnalysisReport"/> as <c>studbook analyze --format json</c> gives it: the shape and the
/// numbers <see cref="Json.Options"/> would write, without the serializer's cost per property, which for a
/// million animals took longer than reading their file.
/// </summary>
public static class AnalysisReportJson
{
    // Written out to the stream whenever this much is pending, so the writer's buffer stays small.
    private const int FlushAt = 1 << 16;

    private static readonly JsonEncodedText SummaryName = JsonEncodedText.Encode("summary");
    private static readonly JsonEncodedText IndividualsName = JsonEncodedText.Encode("individuals");
    private static readonly JsonEncodedText ReferenceName = JsonEncodedText.Encode("reference");
    private static readonly JsonEncodedText FoundersName = JsonEncodedText.Encode("founders");
    private static readonly JsonEncodedText GeneDiversityName = JsonEncodedText.Encode("geneDiversity");
    private static readonly JsonEncodedText MeanKinshipName = JsonEncodedText.Encode("meanKinship");
    private static readonly JsonEncodedText FgeName = JsonEncodedText.Encode("fge");
    private static readonly JsonEncodedText FeName = JsonEncodedText.Encode("fe");
    private static readonly JsonEncodedText MeanInbreedingName = JsonEncodedText.Encode("meanInbreeding");
    private static readonly JsonEncodedText IdName = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText InbreedingName = JsonEncodedText.Encode("inbreeding");
    private static readonly JsonEncodedText InReferenceName = JsonEncodedText.Encode("inReference");
    private static readonly JsonEncodedText SpecimenName = JsonEncodedText.Encode("specimen");

    /// <summary>Writes the report to a stream, compact or indented, flushing as it goes; the caller ends the line.</summary>
    public static void Write(Stream stream, AnalysisReport report, bool indented, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(report);
        using var writer = new Utf8JsonWriter(stream, Json.WriterOptions(indented));
        writer.WriteStartObject();
        writer.WritePropertyName(SummaryName);
        WriteSummary(writer, report.Summary);
        writer.WriteStartArray(IndividualsName);
        foreach (var individual in report.Individuals)
        {
            WriteIndividual(writer, individual);
            if (writer.BytesPending >= FlushAt)
            {
                ct.ThrowIfCancellationRequested();
                writer.Flush();
            }
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.Flush();
    }

    private static void WriteSummary(Utf8JsonWriter writer, AnalysisSummary summary)
    {
        writer.WriteStartObject();
        writer.WriteNumber(IndividualsName, summary.Individuals);
        writer.WriteNumber(ReferenceName, summary.Reference);
        writer.WriteNumber(FoundersName, summary.Founders);
        writer.WriteNumber(GeneDiversityName, summary.GeneDiversity);
        writer.WriteNumber(MeanKinshipName, summary.MeanKinship);
        writer.WriteNumber(FgeName, summary.Fge);
        writer.WriteNumber(FeName, summary.Fe);
        writer.WriteNumber(MeanInbreedingName, summary.MeanInbreeding);
        writer.WriteEndObject();
    }

    private static void WriteIndividual(Utf8JsonWriter writer, IndividualGenetics individual)
    {
        writer.WriteStartObject();
        writer.WriteString(IdName, individual.Id);
        writer.WriteNumber(InbreedingName, individual.Inbreeding);
        writer.WriteNumber(MeanKinshipName, individual.MeanKinship);
        writer.WriteBoolean(InReferenceName, individual.InReference);
        if (individual.Specimen is { } specimen)
            writer.WriteString(SpecimenName, specimen);
        writer.WriteEndObject();
    }
}
