namespace GenPro.Sdk.Tests.Infrastructure;

/// <summary>The reference's example bodies, verbatim.</summary>
public static class Samples
{
    public const string AgentList = """
        [{"id": 42, "name": "TrendBot", "description": "Trend analysis agent",
          "primary_avatar_url": "https://cdn.gen.pro/avatars/42/thumbnail.webp", "role": "owner",
          "organization": "My Company", "time_zone": "America/New_York", "tiktok_integration": false,
          "tiktok_social_account": false, "degods": false, "shared_users": [], "default_user_voice": null}]
        """;

    public const string CreatedAgent = """
        {"agent": {"id": 43, "name": "ProductReviewer", "description": "Reviews trending products", "organization_id": 10, "time_zone": "America/Los_Angeles", "primary_avatar_id": null, "primary_avatar_url": null, "role": "owner", "default_user_voice": null}}
        """;

    public const string Agent = """
        {"id": 42, "name": "TrendBot", "description": "Trend analysis agent", "organization_id": 10,
         "time_zone": "America/New_York", "primary_avatar_id": 101,
         "primary_avatar_url": "https://cdn.gen.pro/avatars/42/thumbnail.webp", "agent_setup_project_id": 500,
         "role": "owner",
         "default_user_voice": {"id": "voice_abc123", "name": "Sarah", "gender": "female", "language": "English",
           "provider": "eleven_labs", "url": "https://api.elevenlabs.io/v1/previews/voice_abc123.mp3"}}
        """;

    public const string UpdatedAgent = """
        {"agent": {"id": 42, "name": "TrendBot v2", "description": "Trend analysis agent", "organization_id": 10,
         "time_zone": "America/New_York", "primary_avatar_id": 101, "role": "owner",
         "default_user_voice": {"source": "eleven_labs", "voice_id": "voice_abc123"}}}
        """;

    public const string AvatarPage = """
        [{"id": 101, "is_primary": true, "url": "https://cdn.gen.pro/avatars/101/original.webp",
          "thumbnail_url": "https://cdn.gen.pro/avatars/101/thumbnail.webp", "degod_avatar_id": null},
         {"id": 102, "is_primary": false, "url": "https://cdn.gen.pro/avatars/102/original.webp",
          "thumbnail_url": "https://cdn.gen.pro/avatars/102/thumbnail.webp", "degod_avatar_id": 7}]
        """;

    public static string Error(string message, string? code) =>
        code is null ? $$"""{"error": "{{message}}"}""" : $$"""{"error": "{{message}}", "error_code": "{{code}}"}""";
}
