using Tss.Testing.Azurite;
using Tss.Testing.Mail;

namespace Tss.Pipeline.Tests.Distribution;

/// <summary>One Azurite and one MailDev for every distribution test class (their tests run one after another,
/// so a shared mailbox stays readable and the shared 2-core machine is not flooded with emulators).</summary>
[CollectionDefinition(Name)]
public sealed class DistributionCollection : ICollectionFixture<AzuriteFixture>, ICollectionFixture<MailDevFixture>
{
    public const string Name = "Distribution";
}
