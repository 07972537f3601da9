using System.Globalization;
using System.Text;
using Menagerie.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Menagerie.Web.Tests;

/// <summary>
/// Every sentence the records and the rules can say to a person (a <see cref="Domain.Wording"/>), found by compiling the
/// Domain and App sources: the templates a page must have in each language, and the places where a sentence is
/// built as a plain string first and so can only be shown in English.
/// </summary>
internal static class Wordings
{
    private static readonly Lazy<(IReadOnlyList<string> Templates, IReadOnlyList<string> Untranslatable)> Found = new(Find);

    public static IReadOnlyList<string> Templates => Found.Value.Templates;

    public static IReadOnlyList<string> Untranslatable => Found.Value.Untranslatable;

    private static (IReadOnlyList<string>, IReadOnlyList<string>) Find()
    {
        var sources = new[] { "Menagerie.Domain", "Menagerie.App" }
            .SelectMany(p => Directory.EnumerateFiles(Path.Combine(Repository.Root, "src", p), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        var options = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Preview);
        var trees = sources.Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), options, f))
            .Append(CSharpSyntaxTree.ParseText(ImplicitUsings, options))
            .ToList();
        var compilation = CSharpCompilation.Create("Wordings", trees, References(), new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var wording = compilation.GetTypeByMetadataName("Menagerie.Domain.Wording")
            ?? throw new InvalidOperationException("Menagerie.Domain.Wording is not in the Domain sources.");

        // The partial methods of regular-expression generators have no body without the generator; nothing else may fail,
        // or the search below would miss sentences.
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error && d.Id != "CS8795").ToList();
        if (errors.Count > 0)
            throw new InvalidOperationException("The Domain and App sources do not compile here: " + string.Join("\n", errors.Take(10)));

        var templates = new SortedSet<string>(StringComparer.Ordinal);
        var untranslatable = new List<string>();
        foreach (var tree in trees)
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var expression in tree.GetRoot().DescendantNodes().OfType<ExpressionSyntax>())
            {
                if (!SymbolEqualityComparer.Default.Equals(model.GetTypeInfo(expression).ConvertedType, wording)
                    || SymbolEqualityComparer.Default.Equals(model.GetTypeInfo(expression).Type, wording)
                    || expression.Parent is ParenthesizedExpressionSyntax
                    || expression.IsKind(SyntaxKind.NullLiteralExpression))
                    continue;
                Collect(expression, model, templates, untranslatable);
            }
        }
        // A template of values and punctuation alone ("{0}; {1}") reads the same in every language.
        return ([.. templates.Where(t => t.Any(char.IsLetter))], untranslatable);
    }

    /// <summary>An expression that becomes a wording: an interpolated string keeps its template; a constant is its own template; anything else was a string first.</summary>
    private static void Collect(ExpressionSyntax expression, SemanticModel model, SortedSet<string> templates, List<string> untranslatable)
    {
        switch (expression)
        {
            case ParenthesizedExpressionSyntax p:
                Collect(p.Expression, model, templates, untranslatable);
                return;
            case InterpolatedStringExpressionSyntax interpolated when model.GetConversion(interpolated).IsInterpolatedStringHandler:
                templates.Add(Template(interpolated));
                untranslatable.AddRange(EnglishInHoles(interpolated, model));
                return;
            case ConditionalExpressionSyntax conditional:
                Collect(conditional.WhenTrue, model, templates, untranslatable, asString: true);
                Collect(conditional.WhenFalse, model, templates, untranslatable, asString: true);
                return;
            case SwitchExpressionSyntax @switch:
                foreach (var arm in @switch.Arms)
                    Collect(arm.Expression, model, templates, untranslatable, asString: true);
                return;
        }
        if (model.GetConstantValue(expression) is { HasValue: true, Value: string constant })
            templates.Add(Escape(constant));
        else
            untranslatable.Add(Where(expression));
    }

    private static void Collect(ExpressionSyntax branch, SemanticModel model, SortedSet<string> templates, List<string> untranslatable, bool asString)
    {
        if (!asString || !SymbolEqualityComparer.Default.Equals(model.GetTypeInfo(branch).Type, model.Compilation.GetSpecialType(SpecialType.System_String)))
        {
            // A branch that is already a wording is found on its own.
            if (model.GetTypeInfo(branch).Type?.Name == "Wording")
                return;
            Collect(branch, model, templates, untranslatable);
            return;
        }
        if (model.GetConstantValue(branch) is { HasValue: true, Value: string constant })
            templates.Add(Escape(constant));
        else
            untranslatable.Add(Where(branch));
    }

    /// <summary>Words chosen in a hole (<c>{(found ? "" : " elsewhere")}</c>) are put in as they are, in English.</summary>
    private static IEnumerable<string> EnglishInHoles(InterpolatedStringExpressionSyntax interpolated, SemanticModel model) =>
        interpolated.Contents.OfType<InterpolationSyntax>()
            .Where(i => model.GetTypeInfo(i.Expression).Type?.SpecialType == SpecialType.System_String
                && i.Expression.DescendantNodesAndSelf().Any(n => n.IsKind(SyntaxKind.StringLiteralExpression) && ((LiteralExpressionSyntax)n).Token.ValueText.Any(char.IsLetter)))
            .Select(i => Where(i));

    /// <summary>The template the Wording handler builds at run time from the same interpolated string.</summary>
    private static string Template(InterpolatedStringExpressionSyntax interpolated)
    {
        var template = new StringBuilder();
        var hole = 0;
        foreach (var content in interpolated.Contents)
        {
            if (content is InterpolatedStringTextSyntax text)
            {
                template.Append(Escape(text.TextToken.ValueText));
                continue;
            }
            var interpolation = (InterpolationSyntax)content;
            template.Append('{').Append(hole++.ToString(CultureInfo.InvariantCulture));
            if (interpolation.AlignmentClause is { } alignment)
                template.Append(',').Append(alignment.Value.ToString().Replace(" ", "", StringComparison.Ordinal));
            if (interpolation.FormatClause is { } format)
                template.Append(':').Append(format.FormatStringToken.ValueText);
            template.Append('}');
        }
        return template.ToString();
    }

    private static string Escape(string text) => text.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal);

    private static string Where(SyntaxNode node)
    {
        var line = node.GetLocation().GetLineSpan();
        return $"{Path.GetRelativePath(Repository.Root, line.Path)}:{line.StartLinePosition.Line + 1}: {node}";
    }

    private static IEnumerable<MetadataReference> References()
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var own = new[] { "Menagerie.Domain.dll", "Menagerie.App.dll" };
        return platform.Concat(Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll"))
            .Where(p => !own.Contains(Path.GetFileName(p), StringComparer.OrdinalIgnoreCase))
            .DistinctBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase)
            .Select(p => MetadataReference.CreateFromFile(p));
    }

    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;
}
