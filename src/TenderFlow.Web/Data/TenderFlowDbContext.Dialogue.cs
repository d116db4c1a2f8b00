using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Dialogue;

namespace TenderFlow.Web.Data;

public sealed partial class TenderFlowDbContext
{
    public DbSet<DialoguePartnerInvitation> DialoguePartnerInvitations => Set<DialoguePartnerInvitation>();
    public DbSet<DialogueDeclaration> DialogueDeclarations => Set<DialogueDeclaration>();
    public DbSet<DialogueMeeting> DialogueMeetings => Set<DialogueMeeting>();
    public DbSet<DialogueMessage> DialogueMessages => Set<DialogueMessage>();
}
