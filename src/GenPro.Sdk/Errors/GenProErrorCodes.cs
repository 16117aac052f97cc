namespace GenPro.Sdk;

/// <summary>
/// The <c>error_code</c> values the API documents, and those the fake API (<c>GenPro.Sdk.Testing</c>) sends, for comparing
/// with <see cref="GenProApiException.ErrorCode"/>. Codes the API adds later arrive unchanged as strings.
/// </summary>
public static class GenProErrorCodes
{
    /// <summary>The API key is missing or invalid (401).</summary>
    public const string Unauthorized = "unauthorized";

    /// <summary>The caller may not do this (403).</summary>
    public const string PermissionDenied = "permission_denied";

    /// <summary>The caller may not delete this agent (403, delete agent only).</summary>
    public const string Forbidden = "forbidden";

    /// <summary>A resource was not found.</summary>
    public const string NotFound = "not_found";

    /// <summary>The agent does not exist or is not visible (422 on agent endpoints, 404 on avatar endpoints).</summary>
    public const string AgentNotFound = "agent_not_found";

    /// <summary>The workspace does not exist or the caller has no access to it (422).</summary>
    public const string OrganizationNotFound = "organization_not_found";

    /// <summary>The user voice resource named in a voice selection does not exist (404).</summary>
    public const string UserVoiceResourceNotFound = "user_voice_resource_not_found";

    /// <summary>The agent could not be created, for example because its name is taken (422).</summary>
    public const string AgentCreationFailed = "agent_creation_failed";

    /// <summary>The agent could not be updated (422).</summary>
    public const string AgentUpdateFailed = "agent_update_failed";

    /// <summary>The ElevenLabs or Hume AI key was rejected by its provider (422).</summary>
    public const string InvalidApiKey = "invalid_api_key";

    /// <summary>A field failed validation (422).</summary>
    public const string ValidationError = "validation_error";

    /// <summary>A voice source was given without a voice id (422).</summary>
    public const string VoiceIdRequired = "voice_id_required";

    /// <summary>An avatar could not be created: wrong format or missing file (422).</summary>
    public const string AvatarCreationFailed = "avatar_creation_failed";

    /// <summary>An avatar could not be found or updated (422).</summary>
    public const string AvatarUpdateFailed = "avatar_update_failed";

    /// <summary>
    /// Too many requests (429, thrown as <see cref="GenProRateLimitException"/>). The API documents no code for 429; the
    /// fake API sends this one with its <c>RateLimited</c> fault.
    /// </summary>
    public const string RateLimited = "rate_limited";

    /// <summary>
    /// The request could not be parsed (400), such as a malformed multipart body. Sent by the fake API; the real API's
    /// framework answers such requests with 400 too.
    /// </summary>
    public const string BadRequest = "bad_request";
}
