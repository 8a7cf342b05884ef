#include "app/relief/RosterImportDialog.h"

#include "app/records/ImportProblemsModel.h"
#include "app/shell/FileDialog.h"
#include "app/shell/MessageBox.h"
#include "app/sync/ClientSession.h"
#include "common/io/TableFile.h"
#include "common/relief/RegistryTypes.h"
#include "ui_RosterImportDialog.h"

#include <QDir>
#include <QFileInfo>
#include <QHeaderView>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QStandardPaths>
#include <QUuid>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::app {

RosterImportDialog::RosterImportDialog(ClientSession &session, QWidget *parent)
    : QDialog(parent)
    , ui(std::make_unique<Ui::RosterImportDialog>())
    , m_session(session)
{
    ui->setupUi(this);
    ui->introLabel->setText(
        tr("Choose a roster (.xlsx or CSV, one row per person) with a header row naming the columns %1; "
           "optional: %2. Rows are grouped into households by village and household number.")
            .arg(relief::rosterHeaders(true).join(u"、"_s), relief::rosterHeaders(false).join(u"、"_s)));
    m_problems = new ImportProblemsModel(this);
    ui->problemsView->setModel(m_problems);
    ui->problemsView->verticalHeader()->hide();
    ui->problemsView->horizontalHeader()->setStretchLastSection(true);
    ui->problemsView->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    ui->problemsView->setColumnWidth(1, 120);
    ui->problemsView->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);

    m_importButton =
        ui->buttonBox->addButton(tr("&Import the valid households"), QDialogButtonBox::AcceptRole);
    m_nothingButton = ui->buttonBox->addButton(tr("Import &nothing"), QDialogButtonBox::RejectRole);
    connect(m_importButton, &QPushButton::clicked, this, &RosterImportDialog::importClicked);
    connect(m_nothingButton, &QPushButton::clicked, this, &QDialog::reject);
    connect(ui->chooseButton, &QPushButton::clicked, this, &RosterImportDialog::chooseFile);
    connect(ui->exportButton, &QPushButton::clicked, this, &RosterImportDialog::exportProblemsAs);
    showResult();
}

RosterImportDialog::~RosterImportDialog() = default;

QAbstractItemModel *RosterImportDialog::problemsModel() const
{
    return m_problems;
}

QString RosterImportDialog::summary() const
{
    return ui->summaryLabel->text();
}

void RosterImportDialog::chooseFile()
{
    const QString dir = m_path.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)
                                         : QFileInfo(m_path).absolutePath();
    const QString path = FileDialog::getOpenFileName(
        this, tr("Choose a roster"), dir, tr("Rosters (*.xlsx *.csv);;Excel (*.xlsx);;CSV (*.csv)"));
    if (!path.isEmpty())
        loadFile(path);
}

QSet<QString> RosterImportDialog::registeredIdNumbers() const
{
    QSet<QString> out;
    const QList<CachedRecord> members =
        m_session.cache().records(QString::fromUtf16(relief::MemberType::kName));
    out.reserve(members.size());
    for (const CachedRecord &m : members) {
        if (!m.record.deleted)
            out.insert(m.record.fields.value(u"idNumber"_s).toString());
    }
    return out;
}

bool RosterImportDialog::loadFile(const QString &path)
{
    m_path = path;
    m_result = {};
    m_fileNote.clear();
    ui->fileEdit->setText(QDir::toNativeSeparators(path));

    relief::RosterOptions options;
    options.today = chinaDateOf(m_session.clock().nowMs());
    options.villages = m_session.orgUnitsAt(OrgLevel::Village);
    if (options.villages.isEmpty()) {
        m_result.error = tr("The villages of your area are not known yet. Connect once so the program can "
                            "fetch them, then import the roster.");
        showResult();
        return false;
    }

    QProgressDialog progress(tr("Reading %1…").arg(QFileInfo(path).fileName()), tr("Cancel"), 0, 1000, this);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(300);
    progress.setAutoReset(false);
    const io::ProgressCallback step = [&progress](qint64 done, qint64 total) {
        progress.setValue(total > 0 ? int(qBound(qint64(0), done * 999 / total, qint64(999))) : 0);
        return !progress.wasCanceled();
    };
    io::ReadOptions read;
    read.progress = step;
    read.acceptSheet = &relief::hasRosterHeader; // past a 填表说明 sheet to the roster itself
    const io::TableData table = io::readTable(path, read);
    if (!table.sheetName.isEmpty())
        m_fileNote = tr("worksheet “%1”").arg(table.sheetName);
    else if (!table.encoding.isEmpty())
        m_fileNote = tr("a CSV file in %1").arg(table.encoding);

    progress.setLabelText(tr("Checking the rows…"));
    progress.setValue(0);
    options.registeredIdNumbers = registeredIdNumbers();
    options.progress = step;
    m_result = relief::checkRoster(table, options);
    progress.reset();
    showResult();
    return m_result.ok();
}

void RosterImportDialog::showResult()
{
    const relief::RosterResult &r = m_result;
    m_problems->setProblems(r.problems);
    QString summary;
    if (!m_path.isEmpty() && r.ok()) {
        summary = tr("%n household(s)", nullptr, int(r.households.size())) + u" / "_s +
                  tr("%n person(s) valid", nullptr, r.personCount) + u", "_s +
                  tr("%n bad row(s)", nullptr, r.badRows);
        if (r.heldBackRows > 0)
            summary += u", "_s + tr("%n row(s) held back with their household", nullptr, r.heldBackRows);
        summary += u"."_s;
        if (r.rowsRead == 0)
            summary = tr("The roster has no rows below its header.");
    }
    QString read;
    if (!m_path.isEmpty() && r.ok())
        read = tr("%n row(s) read from %1.", nullptr, r.rowsRead)
                   .arg(m_fileNote.isEmpty() ? tr("the file") : m_fileNote);
    ui->summaryLabel->setText(summary);
    ui->summaryLabel->setVisible(!summary.isEmpty());
    ui->readLabel->setText(read);
    ui->readLabel->setVisible(!read.isEmpty());
    ui->errorLabel->setText(r.cancelled ? tr("Reading was cancelled; nothing was checked.") : r.error);
    ui->errorLabel->setVisible(!ui->errorLabel->text().isEmpty());
    const bool hasProblems = !r.problems.isEmpty();
    ui->problemsTitle->setVisible(hasProblems);
    ui->problemsView->setVisible(hasProblems);
    ui->exportButton->setEnabled(hasProblems);
    ui->exportButton->setVisible(hasProblems);
    ui->ruleLabel->setVisible(hasProblems);
    m_importButton->setEnabled(r.ok() && !r.households.isEmpty() && m_importedHouseholds == 0);
    if (m_importButton->isEnabled())
        m_importButton->setDefault(true);
}

bool RosterImportDialog::exportProblems(const QString &path, QString *error)
{
    return ImportProblemsModel::exportXlsx(path, m_result.problems, error);
}

void RosterImportDialog::exportProblemsAs()
{
    ImportProblemsModel::exportWithDialog(this, m_path, m_result.problems);
}

int RosterImportDialog::importValid()
{
    m_importError.clear();
    if (!m_result.ok() || m_importedHouseholds > 0)
        return 0;
    const QList<relief::RosterHousehold> &households = m_result.households;
    const QString householdType = QString::fromUtf16(relief::HouseholdType::kName);
    const QString memberType = QString::fromUtf16(relief::MemberType::kName);
    QProgressDialog progress(tr("Importing households…"), tr("Stop"), 0, int(households.size()), this);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(300);
    LocalCache &cache = m_session.cache();
    const qint64 now = m_session.clock().nowMs();
    for (qsizetype i = 0; i < households.size(); ++i) {
        if (progress.wasCanceled())
            break; // between households: the ones saved are whole
        const relief::RosterHousehold &h = households.at(i);
        LocalCache::Change household;
        household.type = householdType;
        household.recordId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        household.orgUnitId = h.villageId;
        household.changedFields = h.fields;
        QString error;
        if (cache.save(household, now, &error).isEmpty()) {
            m_importError = error;
            break;
        }
        for (const QJsonObject &fields : h.members) {
            LocalCache::Change member;
            member.type = memberType;
            member.recordId = QUuid::createUuid().toString(QUuid::WithoutBraces);
            member.orgUnitId = h.villageId;
            member.changedFields = fields;
            member.changedFields.insert(u"householdId"_s, household.recordId);
            if (cache.save(member, now, &error).isEmpty()) {
                m_importError = error;
                break;
            }
            ++m_importedPersons;
        }
        ++m_importedHouseholds;
        if (!m_importError.isEmpty())
            break;
        progress.setValue(int(i + 1));
    }
    progress.reset();
    if (m_importedHouseholds > 0)
        m_session.engine().syncNow();
    showResult();
    return m_importedHouseholds;
}

void RosterImportDialog::importClicked()
{
    const int total = int(m_result.households.size());
    const int done = importValid();
    if (!m_importError.isEmpty()) {
        MessageBox::warning(
            this, tr("Import stopped"),
            tr("Saving on this computer failed after %n household(s): %1", nullptr, done).arg(m_importError));
    } else if (done < total) {
        MessageBox::information(this, tr("Import stopped"),
                                tr("%1 of %n household(s) were imported; import the file again later for the "
                                   "others (those imported will then be reported as registered).",
                                   nullptr, total)
                                    .arg(done));
    }
    if (done > 0)
        accept();
}

} // namespace sunshine::app
