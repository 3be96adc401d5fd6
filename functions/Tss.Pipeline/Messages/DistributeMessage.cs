using Tss.Contracts.Delivery;

namespace Tss.Pipeline.Messages;

/// <summary>Deliver these items (webhook, e-mail) through the distributor.</summary>
/// <param name="Keys">chNFe of the documents for <see cref="DeliveryType.NfeOutcome"/>, row keys of answered events
/// (see <c>Tss.Pipeline.Events.EventRecord</c>) for <see cref="DeliveryType.NfeEvent"/>.</param>
/// <param name="Type">What the keys are; document outcomes (lots) by default.</param>
public sealed record DistributeMessage(string Partition, IReadOnlyList<string> Keys, DeliveryType Type = DeliveryType.NfeOutcome);
