namespace GenPro.Sdk.Testing;

/// <summary>A user of the fake, identified by the API key it was added with (the key is not kept here, so it never prints).</summary>
/// <param name="Id">The user's id.</param>
/// <param name="Name">The user's display name.</param>
public sealed record FakeUser(long Id, string Name);
