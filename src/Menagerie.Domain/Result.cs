namespace Menagerie.Domain;

/// <summary>A value, or every rule it broke: expected failures are returned, never thrown.</summary>
public readonly struct Result<T>
{
    private readonly T? _value;

    private Result(T? value, IReadOnlyList<RuleViolation> violations)
    {
        _value = value;
        Violations = violations;
    }

    public IReadOnlyList<RuleViolation> Violations { get; }
    public bool IsValid => Violations.Count == 0;

    public T Value => IsValid
        ? _value!
        : throw new InvalidOperationException("The result is invalid: " + string.Join("; ", Violations.Select(v => v.Message)));

    public static implicit operator Result<T>(T value) => new(value, []);
    public static implicit operator Result<T>(List<RuleViolation> violations) => new(default, violations);
}
