using System.Buffers;
using System.Text.Json;

namespace Menagerie.App.Studbooks;

/// <summary>
/// Writes an <see cref="AnalysisReport"/> as <c>studbook analyze --format json</c> gives it: the shape and the
/// numbers <see cref="Json.Options"/> would write, without the serializer's cost per property, which for a
/// million animals took longer than reading their file.
/// </summary>
public static class AnalysisReportJson
{
    // Individuals written in one part. A part of a million-animal report is about 1.6 MB of JSON.
    private const int PartSize = 1 << 14;

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

    /// <summary>Writes the report to a stream, compact or indented, part by part as it goes; the caller ends the line.</summary>
    public static void Write(Stream stream, AnalysisReport report, bool indented, CancellationToken ct) =>
        Write(stream, report, indented, PartSize, ct);

    /// <summary>
    /// Writes the individuals in parts of <paramref name="partSize"/>, as many parts side by side as there are
    /// processors, and copies each round of parts to the stream in order. Formatting the numbers is most of the
    /// cost, and a part's bytes depend only on its individuals: each begins as the whole document would, and
    /// what it writes after the opening of the array is its share of the array.
    /// </summary>
    internal static void Write(Stream stream, AnalysisReport report, bool indented, int partSize, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(report);
        var parts = Math.Max(1, (report.Individuals.Count + partSize - 1) / partSize);
        var buffers = new Part[Math.Min(parts, Environment.ProcessorCount)];
        for (var k = 0; k < buffers.Length; k++)
            buffers[k] = new Part();
        for (var first = 0; first < parts; first += buffers.Length)
        {
            ct.ThrowIfCancellationRequested();
            var round = Math.Min(buffers.Length, parts - first);
            Parallel.For(0, round, k => buffers[k].Write(report, first + k, parts, partSize, indented));
            for (var k = 0; k < round; k++)
                stream.Write(buffers[k].Bytes);
        }
    }

    /// <summary>One part of the document, written into a buffer used again for each part it is given.</summary>
    private sealed class Part
    {
        private readonly ArrayBufferWriter<byte> _buffer = new();
        private int _start;

        /// <summary>The part's bytes: the first part from the document's start, a later one from the comma before its first individual.</summary>
        public ReadOnlySpan<byte> Bytes => _buffer.WrittenSpan[_start..];

        public void Write(AnalysisReport report, int part, int parts, int partSize, bool indented)
        {
            _buffer.ResetWrittenCount();
            using var writer = new Utf8JsonWriter(_buffer, Json.WriterOptions(indented));
            writer.WriteStartObject();
            if (part == 0)
            {
                writer.WritePropertyName(SummaryName);
                WriteSummary(writer, report.Summary);
            }
            writer.WriteStartArray(IndividualsName);
            _start = 0;
            if (part > 0)
            {
                // A later part's first individual follows the one before it: the comma the writer would have put there.
                writer.Flush();
                _start = _buffer.WrittenCount;
                _buffer.GetSpan(1)[0] = (byte)',';
                _buffer.Advance(1);
            }
            var end = Math.Min(report.Individuals.Count, (part + 1) * partSize);
            for (var i = part * partSize; i < end; i++)
                WriteIndividual(writer, report.Individuals[i]);
            if (part == parts - 1)
            {
                writer.WriteEndArray();
                writer.WriteEndObject();
            }
            writer.Flush();
        }
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
