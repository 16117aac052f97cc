using GenPro.Sdk.Http;
using GenPro.Sdk.Secrets;

namespace GenPro.Sdk.Tests.Security;

/// <summary>
/// The forms of a secret the scrubber removes, checked one by one (the socket tests in <see cref="SecretLeakTests"/>
/// show they are removed from what users see; these pin down each form and what must be left alone).
/// </summary>
public sealed class SecretScrubberTests
{
    private static readonly SecretScrubber Scrubber = new(() => SecretLeakTests.HostileKey);

    public static TheoryData<string> EscapedForms() => [.. SecretLeakTests.Forms(SecretLeakTests.HostileKey)];

    [Theory]
    [MemberData(nameof(EscapedForms))]
    public void Every_escaped_form_is_removed(string form) =>
        Scrubber.Scrub($"before {form} after").Should().Be("before [REDACTED] after");

    [Fact]
    public void A_key_in_a_url_path_with_its_backslash_made_a_slash_is_removed() =>
        Scrubber.Scrub("/v1/agents/gen_pat_%3Ca%3E&b'c+d%22e/f0123456789").Should().Be("/v1/agents/[REDACTED]");

    [Theory]
    [InlineData("xx gen_pat_<a>&b", "xx [REDACTED]")]
    [InlineData("xx gen_pat_\\u003Ca", "xx [REDACTED]")]
    [InlineData("xx gen", "xx gen")]
    public void A_key_cut_off_by_the_end_of_the_text_is_removed_once_four_characters_are_there(string text, string expected) =>
        Scrubber.Scrub(text).Should().Be(expected);

    [Theory]
    [InlineData("GET /v1/agents/42")]
    [InlineData("gen_pat_<a>&b'c+d\"e\\f012345678X and more")]
    [InlineData("%67en_pat_ is the public prefix")]
    public void Text_without_the_whole_key_is_returned_as_is(string text) =>
        Scrubber.Scrub(text).Should().BeSameAs(text);

    [Fact]
    public void Provider_keys_are_removed_alongside_the_api_key() =>
        Scrubber.Scrub("a sk_1\\u0032 b hume_%41", ["sk_12", "hume_A"]).Should().Be("a [REDACTED] b [REDACTED]");
}
