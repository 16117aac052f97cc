namespace GenPro.Sdk.Operations;

/// <summary>
/// A query flag the API reads as the word <c>true</c> (<c>with_organization_uuid=true</c>), where .NET would write a
/// <see cref="bool"/> as <c>True</c>: a null flag leaves the parameter out. Refit formats it inline through
/// <see cref="IFormattable"/>, so no URL formatter of the SDK's own turns off Refit's formatting fast path for every
/// other parameter.
/// </summary>
internal readonly struct QueryFlag : IFormattable
{
    public static QueryFlag? When(bool set) => set ? default(QueryFlag) : null;

    public string ToString(string? format, IFormatProvider? formatProvider) => "true";

    public override string ToString() => "true";
}
