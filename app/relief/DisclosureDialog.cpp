#include "app/relief/DisclosureDialog.h"

#include "app/net/ApiClient.h"
#include "app/sync/ClientSession.h"
#include "common/relief/CaseTypes.h"
#include "common/wire/ViewLogLimits.h"
#include "ui_DisclosureDialog.h"

#include <QHeaderView>
#include <QInputDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <optional>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::app {

namespace {

std::optional<QString> &nextReason()
{
    static std::optional<QString> reason;
    return reason;
}

QString statusChinese(const QString &status)
{
    if (status == u"open"_s)
        return DisclosureDialog::tr("Open");
    if (status == u"cleared"_s)
        return DisclosureDialog::tr("Cleared");
    if (status == u"confirmed"_s)
        return DisclosureDialog::tr("Confirmed");
    return status;
}

} // namespace

DisclosureDialog::DisclosureDialog(ClientSession &session, QString caseId, QWidget *parent)
    : QDialog(parent)
    , ui(std::make_unique<Ui::DisclosureDialog>())
    , m_session(session)
    , m_caseId(std::move(caseId))
{
    ui->setupUi(this);
    ui->noticeLabel->setText(tr("Comparison data are confidential (Art. 26). This reading is logged with its "
                                "reason; nothing shown here is kept on this computer."));
    ui->hitsTable->setColumnCount(4);
    ui->hitsTable->setHorizontalHeaderLabels({tr("Source"), tr("Detail"), tr("Status"), tr("Reason")});
    ui->hitsTable->horizontalHeader()->setStretchLastSection(true);
    ui->hitsTable->verticalHeader()->hide();
    connect(ui->buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

DisclosureDialog::~DisclosureDialog() = default;

QString DisclosureDialog::problem() const
{
    return ui->problemLabel->text();
}

bool DisclosureDialog::load(const QString &reason)
{
    ui->problemLabel->clear();
    const QByteArray body = QJsonDocument(QJsonObject{{u"reason"_s, reason}}).toJson(QJsonDocument::Compact);
    const ApiResult r = m_session.api().wait("POST", u"/api/v1/records/%1/disclose"_s.arg(m_caseId), body);
    if (!r.ok()) {
        ui->problemLabel->setText(r.message.isEmpty() ? tr("The server could not be reached: the comparison "
                                                           "data can only be read online.")
                                                      : r.message);
        return false;
    }
    present(r.json.value(u"fields"_s).toObject());
    return true;
}

void DisclosureDialog::present(const QJsonObject &fields)
{
    m_fields = fields;
    ui->applicantLabel->setText(tr("Applicant: %1, ID number %2")
                                    .arg(fields.value(u"applicantName"_s).toString(),
                                         fields.value(u"applicantIdNumber"_s).toString()));
    const QList<relief::ComparisonHit> hits = relief::hitsFromJson(fields.value(u"hits"_s).toArray());
    ui->hitsTable->setRowCount(int(hits.size()));
    for (int row = 0; row < hits.size(); ++row) {
        const relief::ComparisonHit &h = hits.at(row);
        const QStringList cells{relief::comparisonSourceChinese(h.source), h.detail, statusChinese(h.status),
                                h.reason};
        for (int c = 0; c < cells.size(); ++c)
            ui->hitsTable->setItem(row, c, new QTableWidgetItem(cells.at(c)));
    }
    ui->hitsTable->resizeColumnsToContents();
    if (hits.isEmpty())
        ui->problemLabel->setText(tr("The case has no comparison hits."));
}

QString DisclosureDialog::askReason(QWidget *parent)
{
    if (std::optional<QString> &next = nextReason(); next) {
        const QString reason = *next;
        next.reset();
        return reason;
    }
    bool ok = false;
    const QString reason = QInputDialog::getText(parent, tr("Reason for reading"),
                                                 tr("Why do you read the comparison data of this case? The "
                                                    "reading is logged with its reason (Art. 26)."),
                                                 QLineEdit::Normal, {}, &ok);
    return ok ? reason.trimmed().left(wire::kMaxViewReasonLength) : QString();
}

void DisclosureDialog::setNextReason(const QString &reason)
{
    nextReason() = reason;
}

} // namespace sunshine::app
