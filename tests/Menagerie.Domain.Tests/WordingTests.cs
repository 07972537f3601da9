using System.Text.Json;
using Menagerie.Domain.Compliance;
using Menagerie.Domain.Documents;
using Menagerie.Domain.Specimens;

namespace Menagerie.Domain.Tests;

public sealed class WordingTests
{
    [Fact]
    public void An_interpolated_sentence_keeps_its_template_and_values()
    {
        var weight = 12.5m;
        Wording said = $"Line {3} weighs {weight:0.0} kg on {new DateOnly(2026, 11, 29):yyyy-MM-dd}.";

        Assert.Equal("Line {0} weighs {1:0.0} kg on {2:yyyy-MM-dd}.", said.Template);
        Assert.Equal([3, 12.5m, new DateOnly(2026, 11, 29)], said.Arguments);
        Assert.Equal("Line 3 weighs 12.5 kg on 2026-11-29.", said.ToString());
    }

    [Fact]
    public void Braces_written_in_a_sentence_are_kept_as_text()
    {
        Wording plain = "A set {like this} stays.";
        Wording interpolated = $"Counts {{m.f.u}} of {"MOS-G0003"}.";

        Assert.Equal("A set {{like this}} stays.", plain.Template);
        Assert.Equal("A set {like this} stays.", plain.ToString());
        Assert.Equal("Counts {{m.f.u}} of {0}.", interpolated.Template);
        Assert.Equal("Counts {m.f.u} of MOS-G0003.", interpolated.ToString());
    }

    [Fact]
    public void Sentences_inside_sentences_and_record_words_are_written_in_english()
    {
        Wording detail = $"no {new DocumentName(DocumentType.CitesExportPermit)} covers it";
        Wording said = $"{"Line 1"} is {new Term(SpecimenStatus.InTransit)} — {detail}.";

        Assert.Equal("{0} is {1} — {2}.", said.Template);
        Assert.Equal("Line 1 is intransit — no export-permit covers it.", said.ToString());
        Assert.Equal("I or II or none", new[] { Wording.FromString("I"), Wording.FromString("II"), "none" }.Aggregate((a, b) => $"{a} or {b}").ToString());
        Assert.Equal("a; b", Wording.Join("; ", ["a", "b"]).ToString());
    }

    [Fact]
    public void A_sentence_travels_in_json_as_its_english_text()
    {
        var violation = new RuleViolation("event.future", "date", $"The date {new DateOnly(2030, 1, 1):yyyy-MM-dd} is in the future.");

        var json = JsonSerializer.Serialize(violation);

        Assert.Equal("""{"Code":"event.future","Field":"date","Message":"The date 2030-01-01 is in the future."}""", json);
        Assert.Equal("The date 2030-01-01 is in the future.", JsonSerializer.Deserialize<Wording>("\"The date 2030-01-01 is in the future.\"")!.ToString());
    }

    [Fact]
    public void Two_wordings_are_equal_when_they_say_the_same()
    {
        Assert.Equal<Wording>($"Line {1}.", "Line 1.");
        Assert.NotEqual<Wording>($"Line {1}.", "Line 2.");
    }
}
