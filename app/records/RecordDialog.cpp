#include "app/records/RecordDialog.h"

#include "app/records/RecordForm.h"
#include "app/sync/ClientSession.h"
#include "ui_RecordDialog.h"

#include <QPushButton>
#include <QUuid>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::app {

RecordDialog::RecordDialog(ClientSession &session, const sync::RecordType &type,
                           const sync::Placement &placement, const QString &recordId, QWidget *parent)
    : QDialog(parent)
    , ui(std::make_unique<Ui::RecordDialog>())
    , m_session(session)
    , m_type(type)
    , m_placement(placement)
    , m_recordId(recordId)
{
    ui->setupUi(this);
    m_form = new RecordForm(type, ui->formHolder);
    auto *holder = new QVBoxLayout(ui->formHolder);
    holder->setContentsMargins(4, 4, 12, 4);
    holder->addWidget(m_form);
    m_form->setProblemLabel(ui->messageLabel);
    m_form->setAttachmentStore(&m_session.cache());
    ui->messageLabel->hide();
    connect(ui->buttonBox, &QDialogButtonBox::accepted, this, &RecordDialog::submit);
    connect(ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    loadRecord();
    // The form's fields in their order, then Save and Cancel.
    QWidget *previous = m_form->lastEditor();
    for (QDialogButtonBox::StandardButton b : {QDialogButtonBox::Save, QDialogButtonBox::Cancel}) {
        QPushButton *button = ui->buttonBox->button(b);
        if (previous && button)
            setTabOrder(previous, button);
        previous = button;
    }
    if (QWidget *first = m_form->firstEditor())
        first->setFocus(Qt::OtherFocusReason);
}

RecordDialog::~RecordDialog() = default;

void RecordDialog::loadRecord()
{
    m_current = {};
    m_new = true;
    m_rejected = false;
    std::optional<CachedRecord> rec;
    if (m_recordId.isEmpty())
        m_recordId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    else
        rec = m_session.cache().record(m_recordId);
    if (rec) {
        m_new = false;
        m_current = rec->record.fields;
        // A record stays where it was created.
        m_placement.orgUnitId = rec->record.orgUnitId;
        m_placement.departmentId = rec->record.departmentId;
    }
    const QString typeName = m_type.chineseName();
    const QString title = m_new ? tr("New %1").arg(typeName) : tr("Edit %1").arg(typeName);
    setWindowTitle(title);
    ui->titleLabel->setText(title);

    QStringList place;
    if (!m_placement.orgUnitId.isEmpty())
        place.append(m_session.orgUnitName(m_placement.orgUnitId));
    if (!m_placement.departmentId.isEmpty())
        place.append(m_session.departmentName(m_placement.departmentId));
    setPlaceText(place.join(u" · "_s));

    m_form->setValues(m_current);
    if (!rec)
        return;
    if (rec->record.deleted) {
        showMessage(tr("This record has been deleted."));
        ui->buttonBox->button(QDialogButtonBox::Save)->setEnabled(false);
    } else if (rec->state == RecordState::Rejected) {
        m_rejected = true;
        m_form->showProblem(rec->stateField,
                            tr("The server returned this change: %1").arg(rec->stateMessage));
    } else if (rec->state == RecordState::Conflict) {
        showMessage(
            tr("Someone else changed this record meanwhile; settle the conflict in the table first."));
    }
}

void RecordDialog::setPlaceText(const QString &text)
{
    ui->placeLabel->setText(text);
    ui->placeLabel->setVisible(!text.isEmpty());
}

void RecordDialog::showMessage(const QString &message)
{
    ui->messageLabel->setText(message);
    ui->messageLabel->setVisible(!message.isEmpty());
}

QHash<QString, QString> RecordDialog::problems() const
{
    return m_form->problems(); // the form-level label is the dialog's
}

void RecordDialog::submit()
{
    m_form->clearProblems();
    const qint64 now = m_session.clock().nowMs();
    // The rules the server applies, checked here first so the clerk sees them at once, online or not.
    sync::RuleContext context;
    context.nowMs = now;
    context.today = chinaDateOf(now);
    context.calendar = &WorkingCalendar::current();
    if (!m_new)
        context.before = &m_current;
    if (m_new && m_idRule) {
        // A record fixed by what it is (one visit per pairing and quarter) takes its id from its fields.
        const QString id = m_idRule(m_form->merged(m_current));
        if (!id.isEmpty() && id != m_recordId) {
            const std::optional<CachedRecord> existing = m_session.cache().record(id);
            if (existing && !existing->record.deleted) {
                showMessage(tr("This %1 is entered already; edit the existing record instead.")
                                .arg(m_type.chineseName()));
                return;
            }
            m_recordId = id;
        }
    }
    if (!m_form->validate(m_recordId, m_placement, context, m_current))
        return;
    const QJsonObject fields = m_form->merged(m_current); // keeps the fields the form does not show
    QString error;
    QString op;
    if (m_rejected) {
        op = m_session.cache().resend(m_recordId, fields, now, &error);
    } else {
        const QJsonObject changed = LocalCache::changedFields(m_current, fields);
        if (changed.isEmpty()) {
            reject();
            return;
        }
        LocalCache::Change change;
        change.type = m_type.name();
        change.recordId = m_recordId;
        change.orgUnitId = m_placement.orgUnitId;
        change.departmentId = m_placement.departmentId;
        change.changedFields = changed;
        op = m_session.cache().save(change, now, &error);
    }
    if (op.isEmpty()) {
        showMessage(tr("The change could not be saved on this computer: %1").arg(error));
        return;
    }
    m_savedOp = op;
    m_session.engine().syncNow();
    accept();
}

} // namespace sunshine::app
