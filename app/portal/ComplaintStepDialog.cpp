#include "app/portal/ComplaintStepDialog.h"

#include "app/sync/ClientSession.h"
#include "common/portal/ComplaintType.h"
#include "ui_ComplaintStepDialog.h"

#include <QJsonArray>
#include <QPushButton>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::app {

using portal::ComplaintAction;

ComplaintStepDialog::ComplaintStepDialog(ClientSession &session, const QString &complaintId, QWidget *parent)
    : QDialog(parent)
    , ui(std::make_unique<Ui::ComplaintStepDialog>())
    , m_session(session)
    , m_id(complaintId)
{
    ui->setupUi(this);
    ui->personEdit->setText(m_session.user().displayName.section(u'（', 0, 0));
    connect(ui->buttonBox, &QDialogButtonBox::accepted, this, &ComplaintStepDialog::submit);
    connect(ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(ui->actionCombo, &QComboBox::currentIndexChanged, this, &ComplaintStepDialog::actionChanged);

    const std::optional<CachedRecord> rec = m_session.cache().record(m_id);
    if (!rec || rec->record.type != QString::fromUtf16(portal::ComplaintType::kName)) {
        ui->problemLabel->setText(tr("The complaint is not in the local data."));
        ui->buttonBox->button(QDialogButtonBox::Save)->setEnabled(false);
        return;
    }
    m_orgUnitId = rec->record.orgUnitId;
    m_departmentId = rec->record.departmentId;
    m_fields = rec->record.fields;
    const UserInfo &user = m_session.user();
    m_actor.roles = user.roles;
    m_actor.departmentId = user.departmentId;
    m_actor.office = !user.departmentId.isEmpty() && user.departmentId == m_departmentId;

    const QList<portal::ComplaintStep> history =
        portal::complaintStepsFromJson(m_fields.value(u"steps"_s).toArray());
    const portal::ComplaintHandling h = portal::replayComplaint(history);
    ui->subjectLabel->setText(m_fields.value(u"subject"_s).toString());
    ui->stateLabel->setText(tr("Now: %1").arg(portal::complaintStateChinese(h.state)));
    // Only the steps this user may take now: each tried against the rule with a note and a department.
    for (const ComplaintAction a : portal::complaintActionsFrom(h.state)) {
        portal::ComplaintStep probe;
        probe.action = a;
        probe.note = u"-"_s;
        if (a == ComplaintAction::Accept || a == ComplaintAction::Assign || a == ComplaintAction::Approve ||
            a == ComplaintAction::Archive)
            probe.note.clear();
        if (a == ComplaintAction::Assign)
            probe.department = u"-"_s;
        if (portal::complaintStepProblem(history, probe, m_actor))
            continue;
        m_offered.append(a);
        ui->actionCombo->addItem(portal::complaintActionChinese(a), portal::complaintActionName(a));
    }
    // The slip goes to a department of the complaint's unit.
    for (const Department &d : m_session.departments()) {
        if (d.orgUnitId == m_orgUnitId)
            ui->departmentCombo->addItem(d.name, d.id);
    }
    for (const QJsonValue &f : m_fields.value(u"attachments"_s).toArray()) {
        auto *item = new QListWidgetItem(f.toString().left(12) + u'…', ui->filesList);
        item->setData(Qt::UserRole, f.toString());
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    }
    if (m_offered.isEmpty()) {
        ui->problemLabel->setText(tr("Nothing for you to do on this complaint now."));
        ui->buttonBox->button(QDialogButtonBox::Save)->setEnabled(false);
    }
    actionChanged();
}

ComplaintStepDialog::~ComplaintStepDialog() = default;

QString ComplaintStepDialog::problem() const
{
    return ui->problemLabel->text();
}

void ComplaintStepDialog::actionChanged()
{
    const auto action = portal::complaintActionFromName(ui->actionCombo->currentData().toString());
    const bool assign = action == ComplaintAction::Assign;
    const bool conclude = action == ComplaintAction::Conclude;
    ui->departmentLabel->setVisible(assign);
    ui->departmentCombo->setVisible(assign);
    ui->filesLabel->setVisible(conclude);
    ui->filesList->setVisible(conclude);
    static const QHash<int, const char *> prompts{
        {int(ComplaintAction::Decline), QT_TR_NOOP("The reason (the complainant reads it):")},
        {int(ComplaintAction::Reply), QT_TR_NOOP("The department's reply:")},
        {int(ComplaintAction::Conclude), QT_TR_NOOP("The result of the investigation:")},
        {int(ComplaintAction::Return), QT_TR_NOOP("Why the result is returned:")},
        {int(ComplaintAction::Feedback), QT_TR_NOOP("What the complainant is told:")},
        {int(ComplaintAction::Object), QT_TR_NOOP("The complainant's objection:")}};
    ui->noteLabel->setText(action && prompts.contains(int(*action)) ? tr(prompts.value(int(*action)))
                                                                    : tr("&Note:"));
}

void ComplaintStepDialog::setEntry(ComplaintAction action, const QString &note, const QString &departmentId)
{
    ui->actionCombo->setCurrentIndex(ui->actionCombo->findData(portal::complaintActionName(action)));
    ui->noteEdit->setPlainText(note);
    if (!departmentId.isEmpty())
        ui->departmentCombo->setCurrentIndex(ui->departmentCombo->findData(departmentId));
}

void ComplaintStepDialog::submit()
{
    const auto action = portal::complaintActionFromName(ui->actionCombo->currentData().toString());
    if (!action)
        return;
    portal::ComplaintStep step;
    step.action = *action;
    step.person = ui->personEdit->text().trimmed();
    step.note = ui->noteEdit->toPlainText().trimmed();
    if (step.action == ComplaintAction::Assign)
        step.department = ui->departmentCombo->currentData().toString();
    if (step.action == ComplaintAction::Conclude) {
        for (int i = 0; i < ui->filesList->count(); ++i) {
            const QListWidgetItem *item = ui->filesList->item(i);
            if (item->checkState() == Qt::Checked)
                step.files.append(item->data(Qt::UserRole).toString());
        }
    }
    // The rule the server applies, so the clerk hears of a problem now, online or not.
    const QList<portal::ComplaintStep> history =
        portal::complaintStepsFromJson(m_fields.value(u"steps"_s).toArray());
    if (const auto why = portal::complaintStepProblem(history, step, m_actor)) {
        ui->problemLabel->setText(*why);
        return;
    }
    QJsonArray steps = m_fields.value(u"steps"_s).toArray();
    steps.append(step.toJson());
    QString error;
    if (!m_session.saveFields(QString::fromUtf16(portal::ComplaintType::kName), m_id, m_orgUnitId,
                              m_departmentId, {{u"steps"_s, steps}}, &error)) {
        ui->problemLabel->setText(tr("Could not save: %1").arg(error));
        return;
    }
    accept();
}

} // namespace sunshine::app
