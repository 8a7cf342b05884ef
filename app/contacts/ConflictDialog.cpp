#include "app/contacts/ConflictDialog.h"

#include "app/shell/MessageBox.h"
#include "app/sync/ClientSession.h"
#include "ui_ConflictDialog.h"

#include <QButtonGroup>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::app {

namespace {
QString shown(const QJsonValue &v)
{
    if (v.isUndefined() || v.isNull())
        return ConflictDialog::tr("(empty)");
    if (v.isString())
        return v.toString();
    return QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
}

QString fieldTitle(const QString &field)
{
    static const QHash<QString, const char *> titles{
        {u"name"_s, QT_TRANSLATE_NOOP("ConflictDialog", "Name")},
        {u"post"_s, QT_TRANSLATE_NOOP("ConflictDialog", "Post")},
        {u"officePhone"_s, QT_TRANSLATE_NOOP("ConflictDialog", "Office phone")},
        {u"mobile"_s, QT_TRANSLATE_NOOP("ConflictDialog", "Mobile")},
        {u"documents"_s, QT_TRANSLATE_NOOP("ConflictDialog", "Documents")}};
    const char *t = titles.value(field);
    return t ? QCoreApplication::translate("ConflictDialog", t) : field;
}
} // namespace

ConflictDialog::ConflictDialog(ClientSession &session, const QString &recordId, QWidget *parent)
    : QDialog(parent)
    , ui(std::make_unique<Ui::ConflictDialog>())
    , m_session(session)
    , m_recordId(recordId)
{
    ui->setupUi(this);
    const std::optional<CachedRecord> rec = session.cache().record(recordId);
    if (rec && rec->theirs) {
        m_mine = rec->mine;
        m_theirs = rec->theirs->fields;
        m_theirsDeleted = rec->theirs->deleted;
        if (m_theirsDeleted)
            ui->introLabel->setText(
                tr("While you were working, this record was deleted on the server. Keep your "
                   "values to restore it, or accept the deletion."));
        else
            ui->introLabel->setText(
                tr("While you were working, this record was changed on the server (version %1). For "
                   "each field below, choose which value to keep. Fields nobody else changed keep "
                   "your values without asking.")
                    .arg(rec->theirs->version));
    }
    auto *grid = ui->fieldsGrid;
    grid->addWidget(new QLabel(u"<b>%1</b>"_s.arg(tr("Field")), this), 0, 0);
    grid->addWidget(new QLabel(u"<b>%1</b>"_s.arg(tr("Mine (this computer)")), this), 0, 1);
    grid->addWidget(new QLabel(u"<b>%1</b>"_s.arg(tr("Theirs (server)")), this), 0, 2);
    int row = 1;
    for (auto it = m_mine.constBegin(); it != m_mine.constEnd(); ++it) {
        if (m_theirs.value(it.key()) == it.value())
            continue;
        auto *group = new QButtonGroup(this);
        auto *mine = new QRadioButton(shown(it.value()), this);
        auto *theirs = new QRadioButton(shown(m_theirs.value(it.key())), this);
        group->addButton(mine, 1);
        group->addButton(theirs, 0);
        mine->setChecked(true);
        grid->addWidget(new QLabel(fieldTitle(it.key()), this), row, 0);
        grid->addWidget(mine, row, 1);
        grid->addWidget(theirs, row, 2);
        m_groups.insert(it.key(), group);
        ++row;
    }
    grid->setRowStretch(row, 1);
    QPushButton *theirs = ui->buttonBox->addButton(
        m_theirsDeleted ? tr("Accept the &deletion") : tr("Take the &server's version entirely"),
        QDialogButtonBox::ActionRole);
    ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("&Keep my choices"));
    connect(theirs, &QPushButton::clicked, this, &ConflictDialog::acceptTheirs);
    connect(ui->buttonBox, &QDialogButtonBox::accepted, this, &ConflictDialog::submit);
    connect(ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

ConflictDialog::~ConflictDialog() = default;

void ConflictDialog::choose(const QString &field, bool mine)
{
    if (QButtonGroup *g = m_groups.value(field))
        g->button(mine ? 1 : 0)->setChecked(true);
}

void ConflictDialog::acceptTheirs()
{
    QString error;
    if (!m_session.cache().acceptTheirs(m_recordId, &error)) {
        MessageBox::warning(this, tr("Not settled"), error);
        return;
    }
    accept();
}

void ConflictDialog::submit()
{
    QJsonObject chosen = m_theirs;
    for (auto it = m_mine.constBegin(); it != m_mine.constEnd(); ++it) {
        QButtonGroup *g = m_groups.value(it.key());
        const bool keepMine = !g || g->checkedId() == 1;
        if (!keepMine)
            continue;
        // A value the clerk cleared stays cleared: null tells the server to remove the field.
        chosen.insert(it.key(), it.value().isUndefined() ? QJsonValue(QJsonValue::Null) : it.value());
    }
    QString error;
    if (m_session.cache().resolveConflict(m_recordId, chosen, m_session.clock().nowMs(), &error).isEmpty()) {
        MessageBox::warning(this, tr("Not settled"), error);
        return;
    }
    m_session.engine().syncNow();
    accept();
}

} // namespace sunshine::app
