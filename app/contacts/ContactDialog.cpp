#include "app/contacts/ContactDialog.h"

#include "app/contacts/ContactsModel.h"
#include "app/sync/ClientSession.h"
#include "common/sync/DepartmentContact.h"
#include "ui_ContactDialog.h"

#include <QPushButton>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::app {

ContactDialog::ContactDialog(ClientSession &session, const QString &departmentId, const QString &contactRole,
                             QWidget *parent)
    : QDialog(parent)
    , ui(std::make_unique<Ui::ContactDialog>())
    , m_session(session)
    , m_departmentId(departmentId)
{
    ui->setupUi(this);
    ui->roleCombo->addItem(ContactsModel::roleText(u"leader"_s), u"leader"_s);
    ui->roleCombo->addItem(ContactsModel::roleText(u"liaison"_s), u"liaison"_s);
    ui->roleCombo->setCurrentIndex(qMax(0, ui->roleCombo->findData(contactRole)));
    ui->departmentLabel->setText(session.departmentName(departmentId));
    m_errors = {{u"name"_s, ui->nameError},
                {u"post"_s, ui->postError},
                {u"officePhone"_s, ui->officePhoneError},
                {u"mobile"_s, ui->mobileError}};
    for (QLabel *l : std::as_const(m_errors))
        l->setStyleSheet(u"color: #b00020;"_s);
    ui->messageLabel->setStyleSheet(u"color: #b00020;"_s);
    clearProblems();
    connect(ui->roleCombo, &QComboBox::currentIndexChanged, this, &ContactDialog::loadRecord);
    connect(ui->buttonBox, &QDialogButtonBox::accepted, this, &ContactDialog::submit);
    connect(ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    loadRecord();
}

ContactDialog::~ContactDialog() = default;

void ContactDialog::loadRecord()
{
    const QString role = ui->roleCombo->currentData().toString();
    m_recordId = sync::DepartmentContactType::recordIdFor(m_departmentId, role);
    setWindowTitle(
        tr("%1 of %2").arg(ContactsModel::roleText(role), m_session.departmentName(m_departmentId)));
    clearProblems();
    m_current = {};
    m_rejected = false;
    const std::optional<CachedRecord> rec = m_session.cache().record(m_recordId);
    if (rec && !rec->record.deleted)
        m_current = rec->record.fields;
    ui->nameEdit->setText(m_current.value(u"name"_s).toString());
    ui->postEdit->setText(m_current.value(u"post"_s).toString());
    ui->officePhoneEdit->setText(m_current.value(u"officePhone"_s).toString());
    ui->mobileEdit->setText(m_current.value(u"mobile"_s).toString());
    if (rec && rec->state == RecordState::Rejected) {
        m_rejected = true;
        showProblem(rec->stateField, tr("The server returned this change: %1").arg(rec->stateMessage));
    }
}

void ContactDialog::setValues(const QString &name, const QString &post, const QString &officePhone,
                              const QString &mobile)
{
    ui->nameEdit->setText(name);
    ui->postEdit->setText(post);
    ui->officePhoneEdit->setText(officePhone);
    ui->mobileEdit->setText(mobile);
}

QHash<QString, QString> ContactDialog::fieldErrors() const
{
    QHash<QString, QString> out;
    for (auto it = m_errors.constBegin(); it != m_errors.constEnd(); ++it) {
        if (!it.value()->isHidden())
            out.insert(it.key(), it.value()->text());
    }
    if (!ui->messageLabel->isHidden())
        out.insert(QString(), ui->messageLabel->text());
    return out;
}

void ContactDialog::showProblem(const QString &field, const QString &message)
{
    QLabel *label = m_errors.value(field, ui->messageLabel);
    label->setText(message);
    label->setVisible(!message.isEmpty());
}

void ContactDialog::clearProblems()
{
    for (QLabel *l : std::as_const(m_errors))
        l->hide();
    ui->messageLabel->hide();
}

QJsonObject ContactDialog::collect() const
{
    QJsonObject f = m_current; // keeps fields this form does not show (documents)
    f.insert(u"contactRole"_s, ui->roleCombo->currentData().toString());
    const QList<QPair<QString, QString>> texts{{u"name"_s, ui->nameEdit->text().trimmed()},
                                               {u"post"_s, ui->postEdit->text().trimmed()},
                                               {u"officePhone"_s, ui->officePhoneEdit->text().trimmed()},
                                               {u"mobile"_s, ui->mobileEdit->text().trimmed()}};
    for (const auto &t : texts) {
        if (t.second.isEmpty())
            f.remove(t.first);
        else
            f.insert(t.first, t.second);
    }
    return f;
}

sync::Placement ContactDialog::placement() const
{
    sync::Placement p;
    p.departmentId = m_departmentId;
    for (const Department &d : m_session.departments()) {
        if (d.id == m_departmentId)
            p.departmentOrgUnitId = d.orgUnitId;
    }
    if (p.departmentOrgUnitId
            .isEmpty()) // offline before the first fetch: a department's id starts with its unit's
        p.departmentOrgUnitId = m_departmentId.section(u'-', 0, 0);
    p.orgUnitId = p.departmentOrgUnitId;
    return p;
}

void ContactDialog::submit()
{
    clearProblems();
    const QJsonObject fields = collect();
    static const sync::DepartmentContactType type;
    const sync::Placement where = placement();
    // The rules the server applies, checked here first so the clerk sees them at once, online or not.
    sync::RuleContext context;
    context.nowMs = m_session.clock().nowMs();
    context.today = chinaDateOf(context.nowMs);
    context.calendar = &WorkingCalendar::current();
    if (const auto problem = type.checkRecord(m_recordId, fields, where, context)) {
        showProblem(problem->field, problem->message);
        return;
    }
    const qint64 now = m_session.clock().nowMs();
    QString error;
    if (m_rejected) {
        m_savedOp = m_session.cache().resend(m_recordId, fields, now, &error);
    } else {
        const QJsonObject changed = LocalCache::changedFields(m_current, fields);
        if (changed.isEmpty()) {
            reject();
            return;
        }
        LocalCache::Change change;
        change.type = type.name();
        change.recordId = m_recordId;
        change.orgUnitId = where.orgUnitId;
        change.departmentId = m_departmentId;
        change.changedFields = changed;
        m_savedOp = m_session.cache().save(change, now, &error);
    }
    if (m_savedOp.isEmpty()) {
        showProblem({}, tr("The change could not be saved on this computer: %1").arg(error));
        return;
    }
    m_session.engine().syncNow();
    accept();
}

} // namespace sunshine::app
