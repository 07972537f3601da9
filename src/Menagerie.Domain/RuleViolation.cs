namespace Menagerie.Domain;

/// <summary>One broken rule: a stable code, the field it concerns and a sentence a registrar can act on.</summary>
public sealed record RuleViolation(string Code, string Field, string Message);
