using System.Text.Json;
using FsCheck.Fluent;
using GenPro.Sdk.Tests.Infrastructure;

namespace GenPro.Sdk.Tests.CallerInput;

/// <summary>
/// Issue 24, row 11, and the text fields of create and update in general: any text a caller holds is either sent byte
/// for byte (the JSON on the wire decodes to exactly that string) or refused before sending with an
/// <see cref="ArgumentException"/> naming the property: a lone UTF-16 surrogate (which UTF-8 cannot carry; it went out
/// as U+FFFD), or a blank value where a value is required.
/// </summary>
public sealed class TextFieldTests : RecordingOnBothPaths
{
    /// <summary>The fields: how to set each on a create or update, its JSON path, and whether blank is refused.</summary>
    public static readonly (string Property, bool Create, Func<string, object> Build, string[] JsonPath, bool BlankRefused)[] Fields =
    [
        ("CreateAgentRequest.Name", true, t => new CreateAgentRequest { Name = t }, ["agent", "name"], true),
        ("CreateAgentRequest.Description", true, t => new CreateAgentRequest { Name = "A", Description = t }, ["agent", "description"], false),
        ("CreateAgentRequest.TimeZone", true, t => new CreateAgentRequest { Name = "A", TimeZone = t }, ["agent", "time_zone"], true),
        ("CreateAgentRequest.ElevenLabsApiKey", true, t => new CreateAgentRequest { Name = "A", ElevenLabsApiKey = t }, ["agent", "eleven_lab_api_key"], true),
        ("CreateAgentRequest.HumeAiApiKey", true, t => new CreateAgentRequest { Name = "A", HumeAiApiKey = t }, ["agent", "hume_ai_api_key"], true),
        ("UpdateAgentRequest.Name", false, t => new UpdateAgentRequest { Name = t }, ["agent", "name"], true),
        ("UpdateAgentRequest.Description", false, t => new UpdateAgentRequest { Description = t }, ["agent", "description"], false),
        ("UpdateAgentRequest.TimeZone", false, t => new UpdateAgentRequest { TimeZone = t }, ["agent", "time_zone"], true),
        ("UpdateAgentRequest.ElevenLabsApiKey", false, t => new UpdateAgentRequest { ElevenLabsApiKey = t }, ["agent", "eleven_lab_api_key"], true),
        ("UpdateAgentRequest.HumeAiApiKey", false, t => new UpdateAgentRequest { HumeAiApiKey = t }, ["agent", "hume_ai_api_key"], true),
    ];

    public static TheoryData<string, int> FieldRows => ClientPaths.Cross(Enumerable.Range(0, Fields.Length).ToArray());

    [Theory]
    [MemberData(nameof(FieldRows))]
    public async Task A_lone_surrogate_in_any_text_field_is_refused_naming_the_property_and_nothing_is_sent(string path, int field)
    {
        using var client = ClientPaths.Create(path, ApiServer.FastOptions(Server.BaseAddress));
        var (property, _, _, _, _) = Fields[field];

        foreach (var text in new[] { "Trend\uD83DBot", "\uDE00", "bot\uD800" })
        {
            var e = Refusals.Refused(() => Send(client, field, text), "request");
            e.Message.Should().Contain(property).And.Contain("lone surrogate");
        }

        Server.Requests.Should().BeEmpty();
    }

    [Fact]
    public void A_lone_surrogate_in_a_voice_is_refused_when_the_selection_is_made_naming_it()
    {
        Refusals.Refused(() => DefaultVoiceSelection.ElevenLabs("voice\uD83D"), "voiceId").Message.Should().Contain("lone surrogate");
        Refusals.Refused(() => _ = new DefaultVoiceSelection(new VoiceSource("eleven\uDC00"), "v"), "source").Message.Should().Contain("lone surrogate");
    }

    [Fact]
    public void Any_text_in_any_field_is_sent_exactly_or_refused_naming_the_property()
    {
        var gen =
            from field in Gen.Choose(0, Fields.Length - 1)
            from text in Gen.OneOf(CallerInputCases.AnyText(), CallerInputCases.WithLoneSurrogate(), Gen.Elements("", " ", "\t\r\n", "名前", "😀", "a\"b\\c</script>", "\0"))
            from di in Gen.Elements(false, true)
            select (Field: field, Text: text, Client: di ? Di : Constructed);

        CallerInputCases.ForAll(gen, c =>
        {
            var (property, _, _, jsonPath, blankRefused) = Fields[c.Field];
            var before = Server.Requests.Count;
            var refusedAs = !IsWellFormed(c.Text) ? "lone surrogate" : blankRefused && string.IsNullOrWhiteSpace(c.Text) ? "blank" : null;
            if (refusedAs is not null)
            {
                var e = Refusals.Refused(() => Send(c.Client, c.Field, c.Text), "request");
                e.Message.Should().Contain(property).And.ContainAny(refusedAs == "blank" ? ["white space", "non-blank"] : [refusedAs]);
                if (c.Text.Length >= 4)
                {
                    e.Message.Should().NotContain(c.Text, "a refusal never echoes the value (it may be a provider key)");
                }

                Server.Requests.Should().HaveCount(before);
                return;
            }

            Send(c.Client, c.Field, c.Text).GetAwaiter().GetResult();
            Server.Requests.Should().HaveCount(before + 1);
            using var json = JsonDocument.Parse(Server.Requests[^1].Body);
            var value = json.RootElement;
            foreach (var name in jsonPath)
            {
                value = value.GetProperty(name);
            }

            value.GetString().Should().Be(c.Text, $"{property} is sent exactly as given");
        });
    }

    private async Task Send(TestClient client, int field, string text)
    {
        var (_, create, build, _, _) = Fields[field];
        Server.ResponseJson = create ? Samples.CreatedAgent : Samples.UpdatedAgent;
        _ = create
            ? await client.Agents.CreateAsync((CreateAgentRequest)build(text))
            : await client.Agents.UpdateAsync(42, (UpdateAgentRequest)build(text));
    }

    private static bool IsWellFormed(string text) => System.Text.Unicode.Utf8.FromUtf16(text, new byte[text.Length * 3 + 3], out _, out _, replaceInvalidSequences: false) == System.Buffers.OperationStatus.Done;
}
