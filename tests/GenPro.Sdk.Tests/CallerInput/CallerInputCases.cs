using FsCheck;
using FsCheck.Fluent;

namespace GenPro.Sdk.Tests.CallerInput;

/// <summary>
/// How the caller-input suite runs its properties: a fixed number of generated cases per property in CI
/// (<see cref="PerProperty"/>; <c>GENPRO_CALLER_INPUT_CASES</c> raises it for a long run), each case bounded, so the
/// whole folder stays within a few seconds per property. Every case ends in one of two ways: sent exactly as documented
/// (asserted on a loopback listener's bytes) or refused before sending with an exception naming the argument or setting.
/// </summary>
public static class CallerInputCases
{
    /// <summary>Generated cases per property in CI; docs/security.md counts them.</summary>
    public const int Default = 200;

    public static int PerProperty { get; } =
        int.TryParse(Environment.GetEnvironmentVariable("GENPRO_CALLER_INPUT_CASES"), out var n) && n > 0 ? n : Default;

    /// <summary>Checks <paramref name="holds"/> for <see cref="PerProperty"/> values of <paramref name="gen"/>; a failure throws with the shrunk value.</summary>
    public static void ForAll<T>(Gen<T> gen, Action<T> holds) =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(PerProperty).WithQuietOnSuccess(true), Prop.ForAll(Arb.From(gen), (T value) =>
        {
            try
            {
                holds(value);
            }
            catch (Exception e)
            {
                throw new InvalidOperationException($"For {Printable(value?.ToString())}: {e.Message}", e);
            }
        }));

    /// <summary>A case as a failure message shows it: control characters and surrogates as <c>\uXXXX</c>.</summary>
    public static string Printable(string? text) =>
        text is null ? "(null)" : string.Concat(text.Select(static c => char.IsControl(c) || char.IsSurrogate(c) ? $"\\u{(int)c:x4}" : c.ToString()));

    /// <summary>Any text, including control characters, lone surrogates and non-BMP characters.</summary>
    public static Gen<string> AnyText() =>
        Gen.OneOf(
            ArbMap.Default.GeneratorFor<string>().Where(s => s is not null),
            Gen.ArrayOf(Gen.OneOf(
                Gen.Choose(0, 0x7F).Select(c => (char)c),
                Gen.Choose(0xD800, 0xDFFF).Select(c => (char)c),
                Gen.Choose(0x80, 0xFFFF).Select(c => (char)c))).Select(cs => new string(cs)));

    /// <summary>A string whose only flaw is one lone UTF-16 surrogate (high or low) somewhere in otherwise valid text.</summary>
    public static Gen<string> WithLoneSurrogate() =>
        from prefix in Gen.Elements("", "TrendBot", "日本語", "😀 bot", "a")
        from suffix in Gen.Elements("", " v2", "x", "😀", "名")
        from surrogate in Gen.Choose(0xD800, 0xDFFF)
        select prefix + (char)surrogate + suffix;

    /// <summary>Ids as a caller may hold them: zero, negative, small, huge and the extremes of <see cref="long"/>.</summary>
    public static Gen<long> AnyId() =>
        Gen.OneOf(
            Gen.Elements(0L, -1L, 1L, long.MaxValue, long.MinValue, int.MaxValue + 1L),
            Gen.Choose(-1000, 1000).Select(i => (long)i),
            ArbMap.Default.GeneratorFor<long>());
}
