using System.Text;

namespace GenPro.Sdk.ContractCheck;

/// <summary>
/// The seeded fake the contract run talks to: workspace "My Company" with alice (owner), carol (editor) and bob
/// (viewer); eve belongs to no workspace. Agents carry every field the spec describes: avatars (an image and a
/// DeGod), provider voices (seeded and not), a voice resource, a personal agent.
/// </summary>
internal sealed class World
{
    public const string Alice = "gen_pat_alice";
    public const string Bob = "gen_pat_bob";
    public const string Carol = "gen_pat_carol";
    public const string Eve = "gen_pat_eve";
    public const string Unknown = "gen_pat_nobody";

    public World()
    {
        var alice = Fake.AddUser(Alice, "Alice");
        var bob = Fake.AddUser(Bob, "Bob");
        var carol = Fake.AddUser(Carol, "Carol");
        Fake.AddUser(Eve, "Eve");
        Company = Fake.AddWorkspace("My Company");
        Fake.AddMember(Company, alice, FakeWorkspaceRole.Owner);
        Fake.AddMember(Company, carol, FakeWorkspaceRole.Editor);
        Fake.AddMember(Company, bob, FakeWorkspaceRole.Viewer);

        Fake.AddProviderVoice(VoiceSource.ElevenLabs, "voice_abc123", name: "Sarah", gender: "female", language: "English",
            previewUrl: new Uri("https://api.elevenlabs.io/v1/previews/voice_abc123.mp3"));
        VoiceResource = Fake.AddVoiceResource("Narrator");

        TrendBot = Fake.AddAgent(alice, "TrendBot", Company, "Trend analysis agent", "America/New_York").Id;
        ImageAvatar = Fake.AddAvatar(TrendBot).Id;
        DeGodAvatar = Fake.AddAvatar(TrendBot, deGodAvatarId: 7).Id;
        Bare = Fake.AddAgent(alice, "Bare", Company).Id;
        Personal = Fake.AddAgent(alice, "Mine", description: null, timeZone: "UTC").Id;
    }

    /// <summary>
    /// A WebP the fake accepts (RIFF, size, WEBP, VP8 chunk) whose every byte is ASCII: Prism forwards a non-JSON body
    /// as UTF-8 text, which keeps ASCII intact and would mangle any byte of 0x80 or more (all of PNG's and JPEG's magic).
    /// </summary>
    public static byte[] AsciiWebp { get; } = Encoding.ASCII.GetBytes("RIFF\u001a\0\0\0WEBPVP8 \u000e\0\0\0ascii-only-img");

    public FakeGenProApi Fake { get; } = new();

    public FakeWorkspace Company { get; }

    public FakeVoiceResource VoiceResource { get; }

    public long TrendBot { get; }

    public long ImageAvatar { get; }

    public long DeGodAvatar { get; }

    public long Bare { get; }

    public long Personal { get; }
}
