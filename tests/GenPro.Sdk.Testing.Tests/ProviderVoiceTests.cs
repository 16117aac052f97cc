using System.Net;
using GenPro.Sdk.Testing.Tests.Infrastructure;

namespace GenPro.Sdk.Testing.Tests;

/// <summary>
/// The provider-voice catalog: <c>default_user_voice</c> is described as the API describes it (every field a string),
/// from a seeded voice, or from the documented stand-ins when nobody seeded it.
/// </summary>
public sealed class ProviderVoiceTests
{
    private static readonly Uri SarahPreview = new("https://api.elevenlabs.io/v1/previews/voice_abc123.mp3");

    [Theory]
    [MemberData(nameof(Modes.Both), MemberType = typeof(Modes))]
    public async Task A_user_test_reads_the_seeded_voice_through_the_sdk(Mode mode)
    {
        await using var h = await Harness.StartAsync(mode);
        h.Fake.AddProviderVoice(VoiceSource.ElevenLabs, "voice_abc123", name: "Sarah", gender: "female", language: "English", previewUrl: SarahPreview);
        var agent = h.Fake.AddAgent(h.AliceUser, "TrendBot", h.Company);
        using var client = h.Sdk();

        await client.Agents.UpdateAsync(agent.Id, new UpdateAgentRequest { DefaultVoice = DefaultVoiceSelection.ElevenLabs("voice_abc123") });
        var fetched = await client.Agents.GetAsync(agent.Id);
        var listed = await client.Agents.ListAsync();

        fetched.DefaultUserVoice.Should().BeEquivalentTo(new
        {
            VoiceId = "voice_abc123",
            Source = (VoiceSource?)VoiceSource.ElevenLabs,
            Name = "Sarah",
            Gender = "female",
            Language = "English",
            PreviewUrl = SarahPreview,
        });
        listed.Should().ContainSingle().Which.DefaultUserVoice!.Name.Should().Be("Sarah");
    }

    [Theory]
    [MemberData(nameof(Modes.Both), MemberType = typeof(Modes))]
    public async Task A_seeded_hume_voice_is_described_with_its_values(Mode mode)
    {
        await using var h = await Harness.StartAsync(mode);
        h.Fake.AddProviderVoice(VoiceSource.HumeAi, "hume-ito", name: "Ito", gender: "male", language: "Japanese", previewUrl: new Uri("https://example.test/ito.wav"));
        var agent = h.Fake.AddAgent(h.AliceUser, "TrendBot", h.Company);

        (await h.PatchJsonAsync($"agents/{agent.Id}", """{"agent":{"default_user_voice_attributes":{"source":"hume_ai","voice_id":"hume-ito"}}}""")).Status
            .Should().Be(HttpStatusCode.OK);
        var (status, body, _) = await h.GetAsync($"agents/{agent.Id}");

        status.Should().Be(HttpStatusCode.OK);
        JsonAssert.Equal(
            """{"id":"hume-ito","name":"Ito","gender":"male","language":"Japanese","provider":"hume_ai","url":"https://example.test/ito.wav"}""",
            JsonAssert.Parse(body)["default_user_voice"]!.ToJsonString());
    }

    [Theory]
    [InlineData("eleven_labs", "voice_xyz", "ElevenLabs voice voice_xyz", "https://api.elevenlabs.io/v1/previews/voice_xyz.mp3")]
    [InlineData("hume_ai", "v 1/é", "Hume AI voice v 1/é", "https://api.hume.ai/v0/tts/voices/v%201%2F%C3%A9/preview.mp3")]
    public async Task An_unseeded_provider_voice_gets_the_documented_stand_ins_in_get_and_list(string source, string voiceId, string name, string url)
    {
        await using var h = await Harness.StartAsync(Mode.Handler);
        var agent = h.Fake.AddAgent(h.AliceUser, "TrendBot", h.Company);
        var selection = $$$$"""{"agent":{"default_user_voice_attributes":{"source":"{{{{source}}}}","voice_id":"{{{{voiceId}}}}"}}}""";
        (await h.PatchJsonAsync($"agents/{agent.Id}", selection)).Status.Should().Be(HttpStatusCode.OK);

        var fromGet = JsonAssert.Parse((await h.GetAsync($"agents/{agent.Id}")).Body)["default_user_voice"]!;
        var fromList = JsonAssert.Parse((await h.GetAsync("agents")).Body)[0]!["default_user_voice"]!;

        var expected = $$"""{"id":"{{voiceId}}","name":"{{name}}","gender":"neutral","language":"English","provider":"{{source}}","url":"{{url}}"}""";
        JsonAssert.Equal(expected, fromGet.ToJsonString());
        JsonAssert.Equal(expected, fromList.ToJsonString());
        h.Fake.DescribeProviderVoice(new VoiceSource(source), voiceId)
            .Should().Be(new FakeProviderVoice(new VoiceSource(source), voiceId, name, "neutral", "English", new Uri(url)));
    }

    [Fact]
    public async Task A_voice_seeded_after_it_was_selected_is_described_from_then_on()
    {
        await using var h = await Harness.StartAsync(Mode.Handler);
        var agent = h.Fake.AddAgent(h.AliceUser, "TrendBot", h.Company);
        using var client = h.Sdk();
        await client.Agents.UpdateAsync(agent.Id, new UpdateAgentRequest { DefaultVoice = DefaultVoiceSelection.HumeAi("late") });

        var before = await client.Agents.GetAsync(agent.Id);
        h.Fake.AddProviderVoice(VoiceSource.HumeAi, "late", name: "Late");
        var after = await client.Agents.GetAsync(agent.Id);

        before.DefaultUserVoice!.Name.Should().Be("Hume AI voice late");
        after.DefaultUserVoice!.Name.Should().Be("Late");
        after.DefaultUserVoice.Gender.Should().Be("neutral", "the fields not given keep their stand-ins");
    }

    [Fact]
    public void Only_partly_seeded_voices_fill_the_rest_with_the_stand_ins_and_a_source_spelled_otherwise_is_the_same_provider()
    {
        var fake = new FakeGenProApi();

        var voice = fake.AddProviderVoice(new VoiceSource("ELEVEN_LABS"), "v", gender: "female");

        voice.Should().Be(new FakeProviderVoice(VoiceSource.ElevenLabs, "v", "ElevenLabs voice v", "female", "English", new Uri("https://api.elevenlabs.io/v1/previews/v.mp3")));
        voice.Source.Value.Should().Be("eleven_labs");
        fake.DescribeProviderVoice(VoiceSource.ElevenLabs, "v").Should().Be(voice);
        fake.DescribeProviderVoice(VoiceSource.ElevenLabs, "V").Name.Should().Be("ElevenLabs voice V", "voice ids compare ordinally");
    }

    [Fact]
    public void Bad_seeds_are_refused_naming_the_argument()
    {
        var fake = new FakeGenProApi();
        fake.AddProviderVoice(VoiceSource.ElevenLabs, "taken");

        fake.Invoking(f => f.AddProviderVoice(VoiceSource.UserVoiceResource, "1")).Should().Throw<ArgumentException>()
            .Which.Should().Match<ArgumentException>(e => e.ParamName == "source" && e.Message.Contains("AddVoiceResource", StringComparison.Ordinal));
        fake.Invoking(f => f.AddProviderVoice(new VoiceSource("spotify"), "1")).Should().Throw<ArgumentException>().Which.ParamName.Should().Be("source");
        fake.Invoking(f => f.DescribeProviderVoice(default, "1")).Should().Throw<ArgumentException>().Which.ParamName.Should().Be("source");
        fake.Invoking(f => f.AddProviderVoice(VoiceSource.HumeAi, " ")).Should().Throw<ArgumentException>().Which.ParamName.Should().Be("voiceId");
        fake.Invoking(f => f.AddProviderVoice(VoiceSource.ElevenLabs, "taken", name: "Again")).Should().Throw<ArgumentException>().Which.ParamName.Should().Be("voiceId");
        fake.AddProviderVoice(VoiceSource.HumeAi, "taken").Source.Should().Be(VoiceSource.HumeAi, "the same id at another provider is another voice");
    }

    [Fact]
    public async Task A_voice_resource_seeded_with_only_a_name_is_described_without_nulls()
    {
        await using var h = await Harness.StartAsync(Mode.Handler);
        var resource = h.Fake.AddVoiceResource("Narrator");
        var agent = h.Fake.AddAgent(h.AliceUser, "TrendBot", h.Company);
        using var client = h.Sdk();

        await client.Agents.UpdateAsync(agent.Id, new UpdateAgentRequest { DefaultVoice = DefaultVoiceSelection.UserVoiceResource(resource.Id) });
        var (_, body, _) = await h.GetAsync($"agents/{agent.Id}");

        resource.Should().Be(new FakeVoiceResource(resource.Id, "Narrator", "neutral", "English", "eleven_labs", new Uri($"https://cdn.gen.pro/voices/{resource.Id}/preview.mp3")));
        JsonAssert.Equal(
            $$"""{"id":"{{resource.Id}}","name":"Narrator","gender":"neutral","language":"English","provider":"eleven_labs","url":"https://cdn.gen.pro/voices/{{resource.Id}}/preview.mp3"}""",
            JsonAssert.Parse(body)["default_user_voice"]!.ToJsonString());
    }
}
