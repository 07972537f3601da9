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
    ];

    /// <summary>The actions a transfer can wait for, as <see cref="App.Transfers.TransferRoles.Next"/> names them.</summary>
    public static readonly string[] Steps = ["propose", "request", "accept", "clear", "dispatch", "receive", "resolve"];

    public static string Of<TEnum>(IStringLocalizer t, TEnum value)
        where TEnum : struct, Enum => t[$"{typeof(TEnum).Name}:{value}"];

    public static string Step(IStringLocalizer t, string action) => t[$"step:{action}"];
}
