namespace GenPro.Sdk;

/// <summary>The GEN Agents API. One instance per API key, thread-safe and meant to live as long as the application.</summary>
public interface IGenProClient
{
    /// <summary>The agent endpoints.</summary>
    IAgentsClient Agents { get; }

    /// <summary>The avatar endpoints: list (paged), upload, set primary, delete.</summary>
    IAvatarsClient Avatars { get; }
}
