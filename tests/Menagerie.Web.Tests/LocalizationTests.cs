using System.Text.RegularExpressions;
using System.Xml.Linq;
using Menagerie.Testing;
using Menagerie.Web.Shared;

namespace Menagerie.Web.Tests;

/// <summary>Every visible string of the web app is in the resources, in English, Russian and Korean.</summary>
public sealed partial class LocalizationTests
{
    private static readonly string Web = Path.Combine(Repository.Root, "src", "Menagerie.Web");
    private static readonly Dictionary<string, string> English = Read("Text.resx");

    [Theory]
    [InlineData("ru")]
    [InlineData("ko")]
    public void Every_resource_has_a_translation_with_the_same_placeholders(string language)
    {
        var translated = Read($"Text.{language}.resx");

        var missing = English.Keys.Where(k => string.IsNullOrWhiteSpace(translated.GetValueOrDefault(k))).ToList();
        var extra = translated.Keys.Except(English.Keys).ToList();
        var placeholders = English.Where(e => translated.TryGetValue(e.Key, out var t) && !Placeholders(e.Value).SetEquals(Placeholders(t))).Select(e => e.Key).ToList();

        Assert.True(missing.Count == 0, $"Without a {language} entry: " + string.Join(" | ", missing));
        Assert.True(extra.Count == 0, $"In {language} only: " + string.Join(" | ", extra));
        Assert.True(placeholders.Count == 0, $"Placeholders differ in {language}: " + string.Join(" | ", placeholders));
    }

    /// <summary>The resource compiler keeps one of two names that differ only in case, so one of their texts would be lost.</summary>
    [Fact]
    public void No_two_resources_differ_only_in_case()
    {
        var clashes = English.Keys.GroupBy(k => k, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => string.Join(" / ", g)).ToList();

        Assert.True(clashes.Count == 0, "Resource names that differ only in case: " + string.Join(" | ", clashes));
    }

    [Fact]
    public void Every_text_the_pages_ask_for_is_a_resource()
    {
        var asked = Directory.EnumerateFiles(Web, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .SelectMany(f => Asked().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: m.Groups["key"].Value.Replace("\\\"", "\"", StringComparison.Ordinal))))
            .ToList();
        var enumerations = Labels.Enumerations.SelectMany(t => Enum.GetNames(t).Select(v => $"{t.Name}:{v}")).Concat(Labels.Steps.Select(s => $"step:{s}"));

        var unknown = asked.Where(a => !English.ContainsKey(a.Key)).Select(a => $"{a.File}: {a.Key}")
            .Concat(enumerations.Where(k => !English.ContainsKey(k))).ToList();

        Assert.NotEmpty(asked);
        Assert.True(unknown.Count == 0, "Not in Text.resx: " + string.Join(" | ", unknown));
    }

    /// <summary>The records' and the rules' sentences are said in the reader's language: each template is a resource.</summary>
    [Fact]
    public void Every_sentence_of_the_records_and_the_rules_is_a_resource()
    {
        var missing = Wordings.Templates.Where(t => !English.ContainsKey(t)).ToList();

        Assert.NotEmpty(Wordings.Templates);
        Assert.True(missing.Count == 0, "Sentences not in Text.resx:\n" + string.Join("\n", missing));
    }

    /// <summary>
    /// A sentence put together as a plain string (concatenated, or an interpolated string in a conditional) loses its
    /// template and can only be shown in English; one that truly comes from elsewhere says so with <c>Wording.FromString</c>.
    /// </summary>
    [Fact]
    public void No_sentence_is_made_a_plain_string_first()
    {
        Assert.True(Wordings.Untranslatable.Count == 0, "Sentences made plain strings first:\n" + string.Join("\n", Wordings.Untranslatable));
    }

    /// <summary>Korean writes a short date with a full stop at its end ("2024. 4. 25."): a sentence ending in a date would have two.</summary>
    [Theory]
    [InlineData("ru")]
    [InlineData("ko")]
    public void A_date_ending_a_sentence_is_not_followed_by_a_second_full_stop(string language)
    {
        var translated = Read($"Text.{language}.resx");
        var endsInStop = new DateOnly(2024, 4, 25).ToString("d", System.Globalization.CultureInfo.GetCultureInfo(language)).EndsWith('.');
        var dated = Directory.EnumerateFiles(Web, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .Select(File.ReadAllText)
            .SelectMany(code => Asked().Matches(code).Select(m => (Key: m.Groups["key"].Value.Replace("\\\"", "\"", StringComparison.Ordinal), Arguments: Arguments(m.Index + m.Length, code))))
            .SelectMany(a => a.Arguments.Select((argument, k) => (a.Key, Placeholder: $"{{{k}}}", argument)).Where(a => a.argument.Contains("Format.Date(", StringComparison.Ordinal)))
            .ToList();

        var twice = dated.Where(d => endsInStop && translated.GetValueOrDefault(d.Key, "").Contains(d.Placeholder + ".", StringComparison.Ordinal)).Select(d => d.Key).ToList();

        Assert.Contains(dated, d => d.Key.StartsWith("Planned departure: {0}.", StringComparison.Ordinal));
        Assert.True(twice.Count == 0, $"A date then a full stop in {language}: " + string.Join(" | ", twice));
    }

    /// <summary>The arguments after a resource's name, up to the bracket that closes the indexer: split at commas outside brackets and strings.</summary>
    private static List<string> Arguments(int from, string code)
    {
        var arguments = new List<string>();
        var (depth, start, inString) = (0, from, false);
        for (var i = from; i < code.Length; i++)
        {
            var c = code[i];
            if (inString)
            {
                inString = c != '"' || code[i - 1] == '\\';
                continue;
            }

            if (c == '"')
                inString = true;
            else if (c is '(' or '[' or '{')
                depth++;
            else if (c is ')' or '}' || (c == ']' && depth > 0))
                depth--;
            else if ((c == ',' || c == ']') && depth == 0)
            {
                if (i > start)
                    arguments.Add(code[start..i]);
                if (c == ']')
                    break;
                start = i + 1;
            }
        }

        return arguments;
    }

    private static Dictionary<string, string> Read(string file) =>
        XDocument.Load(Path.Combine(Web, "Localization", file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "", StringComparer.Ordinal);

    private static HashSet<string> Placeholders(string text) => Placeholder().Matches(text).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);


    [GeneratedRegex(@"\b[Tt]\[""(?<key>(?:[^""\\]|\\.)*)""", RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Asked();

    [GeneratedRegex(@"\{\d+(,-?\d+)?(:[^}]*)?\}", RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Placeholder();
}
