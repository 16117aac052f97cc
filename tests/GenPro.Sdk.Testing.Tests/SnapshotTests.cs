using System.Net;
using GenPro.Sdk.Testing.Tests.Infrastructure;

namespace GenPro.Sdk.Testing.Tests;

/// <summary>What <see cref="FakeGenProApi.Agents"/> and <see cref="FakeGenProApi.Avatars"/> show: the state when read, never changed later.</summary>
public sealed class SnapshotTests
{
    [Fact]
    public async Task A_provider_key_once_stored_shows_until_the_end_and_an_update_without_keys_keeps_it()
    {
        await using var h = await Harness.StartAsync(Mode.Handler);

        var created = await h.PostJsonAsync("agents", """{"agent":{"name":"A","eleven_lab_api_key":"el_secret"}}""");
        var id = JsonAssert.Parse(created.Body)["agent"]!["id"]!.GetValue<long>();
        var afterCreate = h.Fake.Agents.Single();
        (await h.PatchJsonAsync($"agents/{id}", """{"agent":{"hume_ai_api_key":"hume_secret"}}""")).Status.Should().Be(HttpStatusCode.OK);
        var afterHume = h.Fake.Agents.Single();
        (await h.PatchJsonAsync($"agents/{id}", """{"agent":{"description":"D","default_user_voice_attributes":{"source":"hume_ai","voice_id":"v1"}}}""")).Status.Should().Be(HttpStatusCode.OK);

        created.Status.Should().Be(HttpStatusCode.Created);
        afterCreate.Should().Match<FakeAgent>(a => a.HasElevenLabsApiKey && !a.HasHumeAiApiKey);
        afterHume.Should().Match<FakeAgent>(a => a.HasElevenLabsApiKey && a.HasHumeAiApiKey && a.Description == null);
        h.Fake.Agents.Single().Should().Match<FakeAgent>(a =>
            a.HasElevenLabsApiKey && a.HasHumeAiApiKey && a.Description == "D" && a.VoiceSource == "hume_ai" && a.VoiceId == "v1" && a.Name == "A");
        h.Fake.Agents.Single().ToString().Should().NotContain("secret");
    }

    [Fact]
    public async Task Snapshots_taken_before_a_change_keep_what_they_showed()
    {
        await using var h = await Harness.StartAsync(Mode.Handler);
        var agent = h.Fake.AddAgent(h.AliceUser, "Before");
        var first = h.Fake.AddAvatar(agent.Id);
        var second = h.Fake.AddAvatar(agent.Id);

        (await h.PatchJsonAsync($"agents/{agent.Id}", """{"agent":{"name":"After"}}""")).Status.Should().Be(HttpStatusCode.OK);
        (await h.SendAsync(HttpMethod.Patch, $"agents/{agent.Id}/avatars/{second.Id}")).Status.Should().Be(HttpStatusCode.OK);
        (await h.DeleteAsync($"agents/{agent.Id}")).Status.Should().Be(HttpStatusCode.OK);

        agent.Should().Match<FakeAgent>(a => a.Name == "Before" && a.PrimaryAvatarId == null && !a.IsDeleted);
        first.IsPrimary.Should().BeTrue();
        second.IsPrimary.Should().BeFalse();
        h.Fake.Agents.Single().Should().Match<FakeAgent>(a => a.Name == "After" && a.PrimaryAvatarId == second.Id && a.IsDeleted);
        h.Fake.Avatars.Select(a => (a.Id, a.IsPrimary)).Should().Equal((first.Id, false), (second.Id, true));
        h.Fake.Avatars.Single(a => a.Id == second.Id).Should().Be(second with { IsPrimary = true }, "only what changed differs");
    }
}
