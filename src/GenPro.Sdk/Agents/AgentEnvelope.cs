using GenPro.Sdk.Serialization;

namespace GenPro.Sdk.Agents;

/// <summary><c>{"agent": {…}}</c>, the envelope of create and update responses.</summary>
internal sealed class AgentEnvelope : IEnvelope<Agent>
{
    public static string PropertyName => "agent";

    public Agent? Agent { get; init; }

    Agent? IEnvelope<Agent>.Wrapped => Agent;
}
