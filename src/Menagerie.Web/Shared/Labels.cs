using Microsoft.Extensions.Localization;

namespace Menagerie.Web.Shared;

/// <summary>
/// Words for the values of the records' enumerations (status, sex, event type, document type …), looked up in
/// the resources as <c>Type:Value</c>. The resource test checks every value of <see cref="Enumerations"/>.
/// </summary>
public static class Labels
{
    public static readonly Type[] Enumerations =
    [
        typeof(Domain.Specimens.SpecimenStatus), typeof(Domain.Specimens.Sex), typeof(Domain.Specimens.SpecimenKind), typeof(Domain.Specimens.EventType),
        typeof(Domain.Transfers.TransferStatus), typeof(Domain.Transfers.TransferTerms), typeof(Domain.Transfers.TransferParty),
        typeof(Domain.Transfers.TransferAction), typeof(Domain.Documents.DocumentType), typeof(App.Accounts.Role),
        typeof(App.Transfers.TransferListView), typeof(Domain.Compliance.Severity), typeof(Domain.Compliance.RequirementStatus),
        typeof(Domain.Compliance.Verdict),
    ];

    /// <summary>The actions a transfer can wait for, as <see cref="App.Transfers.TransferRoles.Next"/> names them.</summary>
    public static readonly string[] Steps = ["propose", "request", "accept", "decline", "clear", "cancel", "dispatch", "receive", "resolve"];

    public static string Of<TEnum>(IStringLocalizer t, TEnum value)
        where TEnum : struct, Enum => Of(t, (Enum)value);

    /// <summary>A value of any of the <see cref="Enumerations"/>, as a sentence's values come (boxed).</summary>
    public static string Of(IStringLocalizer t, Enum value) => t[$"{value.GetType().Name}:{value}"];

    public static string Step(IStringLocalizer t, string action) => t[$"step:{action}"];

    /// <summary>A step's word on its button: as <see cref="Step"/>, starting with a capital where the language has them.</summary>
    public static string StepButton(IStringLocalizer t, string action)
    {
        var word = Step(t, action);
        return word.Length == 0 ? word : char.ToUpper(word[0], System.Globalization.CultureInfo.CurrentCulture) + word[1..];
    }

    /// <summary>A value as the compliance report writes it (<c>not-yet-valid</c>), in words; an unknown word as it is.</summary>
    public static string Word<TEnum>(IStringLocalizer t, string word)
        where TEnum : struct, Enum => App.Words.TryParse<TEnum>(word, out var value) ? Of(t, value) : word;

    /// <summary>A document named as the compliance report names it (<c>comparable-documentation</c>), in words.</summary>
    public static string Document(IStringLocalizer t, string name) =>
        Domain.Compliance.DocumentNames.TryParse(name, out var type) ? Of(t, type) : name;
}
