#include "app/supervision/SupervisionTab.h"

#include "app/records/RecordListView.h"
#include "app/shell/FileDialog.h"
#include "app/shell/MessageBox.h"
#include "app/supervision/AuditView.h"
#include "app/supervision/InspectionsView.h"
#include "app/supervision/RectificationsView.h"
#include "app/supervision/SupervisionBulletin.h"
#include "app/sync/ClientSession.h"
#include "common/core/ChinaTime.h"

#include <QDir>
#include <QInputDialog>
#include <QPushButton>
#include <QStandardPaths>
#include <QTabWidget>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::app {

SupervisionTab::SupervisionTab(ClientSession &session, ApiClient &api, QWidget *parent)
    : ModuleTabShell(parent)
    , m_session(session)
{
    addView(new InspectionsView(session, api, this), tr("Inspections"));
    addView(new AuditView(session, this), tr("Audit"));
    addView(new RectificationsView(session, this), tr("Rectifications"));
    addView(makeReferralsView(session, this), tr("Referrals"));
    addView(makeAccountabilityView(session, this), tr("Accountability"));
    auto *bulletin = new QPushButton(tr("Quarterly &bulletin…"), this);
    bulletin->setObjectName(u"bulletinButton"_s);
    bulletin->setToolTip(
        tr("The quarter's warnings, rectifications, referrals, inspections and accountability "
           "made public, as a PDF to hand on"));
    views()->setCornerWidget(bulletin);
    connect(bulletin, &QPushButton::clicked, this, &SupervisionTab::exportBulletin);
}

void SupervisionTab::exportBulletin()
{
    QStringList names;
    QList<Quarter> quarters;
    Quarter q = Quarter::of(chinaDateOf(m_session.clock().nowMs())).previous();
    for (int i = 0; i < 8; ++i, q = q.previous()) {
        quarters.append(q);
        names.append(q.chineseName());
    }
    bool ok = false;
    const QString chosen =
        QInputDialog::getItem(this, tr("Quarterly bulletin"), tr("Quarter:"), names, 0, false, &ok);
    if (!ok)
        return;
    const Quarter quarter = quarters.at(names.indexOf(chosen));
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path = FileDialog::getSaveFileName(
        this, tr("Save the bulletin"),
        QDir(dir).filePath(tr("%1 supervision bulletin.pdf").arg(quarter.chineseName())), tr("PDF (*.pdf)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!SupervisionBulletin(m_session).writePdf(quarter, path, &error))
        MessageBox::warning(this, tr("Quarterly bulletin"), error);
    else
        MessageBox::information(this, tr("Quarterly bulletin"),
                                tr("Saved to %1.").arg(QDir::toNativeSeparators(path)));
}

} // namespace sunshine::app
