using System.Globalization;
using System.Text;
using System.Text.Json;

namespace GenPro.Sdk.Benchmarks;

/// <summary>
/// The canned API the benchmarks talk to, shared by the in-memory handler and the loopback server so both transports
/// answer with the same bytes: an agent, a list of 50 agents, a created agent, and avatar pages of 20 behind a cursor.
/// Response bodies are built once; answering allocates nothing here.
/// </summary>
public static class Wire
{
    public const string ApiKey = "gen_pat_benchmark";
    public const long AgentId = 1;

    /// <summary>Agent 1 lists 10,000 avatars (500 full pages, then the empty page that ends the listing).</summary>
    public const int LargeListing = 10_000;

    /// <summary>Agent 2 lists 200 avatars (10 full pages, then the empty page): the prefetch scenario.</summary>
    public const int SmallListing = 200;

    public const int PageSize = 20;

    public static readonly byte[] AgentJson = Json(w => WriteAgent(w, AgentId, getShape: true));
    public static readonly byte[] AgentListJson = Json(w =>
    {
        w.WriteStartArray();
        for (var i = 1; i <= 50; i++)
        {
            WriteSummary(w, i);
        }

        w.WriteEndArray();
    });

    public static readonly byte[] AgentEnvelopeJson = Json(w =>
    {
        w.WriteStartObject();
        w.WritePropertyName("agent");
        WriteAgent(w, 2, getShape: false);
        w.WriteEndObject();
    });

    public static readonly byte[] EmptyJson = "{}"u8.ToArray();
    public static readonly byte[] NotFoundJson = """{"error":"not found","error_code":"not_found"}"""u8.ToArray();

    private static readonly byte[][] LargePages = Pages(LargeListing);
    private static readonly byte[][] SmallPages = Pages(SmallListing);

    /// <summary>What the API answers to <paramref name="method"/> on <paramref name="path"/> (<c>/v1/…</c>) with <paramref name="query"/>.</summary>
    public static (int Status, byte[] Body) Answer(string method, ReadOnlySpan<char> path, ReadOnlySpan<char> query)
    {
        if (path.StartsWith("/v1/agents"))
        {
            var rest = path["/v1/agents".Length..];
            if (rest.IsEmpty)
            {
                return method == "POST" ? (201, AgentEnvelopeJson) : (200, AgentListJson);
            }

            if (rest is "/1")
            {
                return (200, AgentJson);
            }

            if (rest is "/1/avatars" or "/2/avatars")
            {
                if (method == "POST")
                {
                    return (201, EmptyJson);
                }

                var pages = rest[1] == '1' ? LargePages : SmallPages;
                var cursor = query.StartsWith("?cursor=") ? long.Parse(query["?cursor=".Length..], CultureInfo.InvariantCulture) : 0;
                var index = (int)(cursor / PageSize);
                return (200, index < pages.Length ? pages[index] : pages[^1]);
            }
        }

        return (404, NotFoundJson);
    }

    /// <summary>Whether a request is a page of the prefetch scenario's listing (the loopback server delays those).</summary>
    public static bool IsSmallListingPage(string method, ReadOnlySpan<char> path) => method == "GET" && path is "/v1/agents/2/avatars";

    private static byte[][] Pages(int total)
    {
        var pages = new byte[(total / PageSize) + 1][];
        for (var p = 0; p < pages.Length; p++)
        {
            var first = (p * PageSize) + 1;
            var last = Math.Min(total, first + PageSize - 1);
            pages[p] = Json(w =>
            {
                w.WriteStartArray();
                for (var id = first; id <= last; id++)
                {
                    w.WriteStartObject();
                    w.WriteNumber("id", id);
                    w.WriteBoolean("is_primary", id == 1);
                    w.WriteString("url", $"https://cdn.gen.pro/avatars/{id}.png");
                    w.WriteString("thumbnail_url", $"https://cdn.gen.pro/avatars/{id}_thumb.png");
                    w.WriteNull("degod_avatar_id");
                    w.WriteEndObject();
                }

                w.WriteEndArray();
            });
        }

        return pages;
    }

    private static void WriteAgent(Utf8JsonWriter w, long id, bool getShape)
    {
        w.WriteStartObject();
        w.WriteNumber("id", id);
        w.WriteString("name", "TrendBot");
        w.WriteString("description", "Finds what is trending and says it with a face.");
        w.WriteNumber("organization_id", 10);
        w.WriteString("time_zone", "America/New_York");
        w.WriteNumber("primary_avatar_id", 7);
        w.WriteString("primary_avatar_url", "https://cdn.gen.pro/avatars/7_thumb.png");
        if (getShape)
        {
            w.WriteNumber("agent_setup_project_id", 99);
        }

        w.WriteString("role", "owner");
        w.WriteStartObject("default_user_voice");
        w.WriteString("id", "voice_abc123");
        w.WriteString("name", "Rachel");
        w.WriteString("gender", "female");
        w.WriteString("language", "en");
        w.WriteString("provider", "eleven_labs");
        w.WriteString("url", "https://cdn.gen.pro/voices/rachel.mp3");
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteSummary(Utf8JsonWriter w, long id)
    {
        w.WriteStartObject();
        w.WriteNumber("id", id);
        w.WriteString("name", "Agent " + id.ToString(CultureInfo.InvariantCulture));
        w.WriteString("description", "A benchmark agent with a description of ordinary length.");
        w.WriteString("primary_avatar_url", $"https://cdn.gen.pro/avatars/{id}_thumb.png");
        w.WriteString("role", "owner");
        w.WriteString("organization", "My Company");
        w.WriteString("time_zone", "America/New_York");
        w.WriteBoolean("tiktok_integration", false);
        w.WriteBoolean("tiktok_social_account", false);
        w.WriteBoolean("degods", false);
        w.WriteStartArray("shared_users");
        w.WriteEndArray();
        w.WriteNull("default_user_voice");
        w.WriteEndObject();
    }

    private static byte[] Json(Action<Utf8JsonWriter> write)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>A whole HTTP/1.1 response, head and body, for the loopback server.</summary>
    public static byte[] HttpResponse(int status, byte[] body)
    {
        var head = Encoding.ASCII.GetBytes(string.Create(
            CultureInfo.InvariantCulture,
            $"HTTP/1.1 {status} {(status < 300 ? "OK" : "Not Found")}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: {body.Length}\r\n\r\n"));
        return [.. head, .. body];
    }
}
