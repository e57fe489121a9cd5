#include "widgets/failed/failedrecordspanel.h"

#include "core/state/statestore.h"
#include "ui_failedrecordspanel.h"
#include "widgets/common/stateservice.h"
#include "widgets/failed/failedrecordsmodel.h"

#include <QAction>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLocale>
#include <QMenu>
#include <QSaveFile>
#include <QTimer>
#include <algorithm>

namespace weft {

namespace {

QString pretty(const QJsonObject &o)
{
    return o.isEmpty() ? QString()
                       : QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented));
}

QByteArray csvField(const QString &text)
{
    QString t = text;
    if (t.contains(u'"') || t.contains(u',') || t.contains(u'\n') || t.contains(u'\r'))
        t = u'"' + t.replace(u'"', QStringLiteral("\"\"")) + u'"';
    return t.toUtf8();
}

QByteArray compact(const QJsonObject &o)
{
    return o.isEmpty() ? QByteArray() : QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace

FailedRecordsPanel::FailedRecordsPanel(StateService *state, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::FailedRecordsPanel>())
    , m_state(state)
    , m_model(new FailedRecordsModel(state, this))
    , m_filterTimer(new QTimer(this))
    , m_menu(new QMenu(this))
{
    setObjectName(QStringLiteral("failedPanel"));
    m_ui->setupUi(this);
    m_ui->records->setModel(m_model);
    m_ui->records->verticalHeader()->hide();
    // Fixed row heights: the view never measures a million rows.
    m_ui->records->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_ui->records->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    m_ui->records->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_ui->records->horizontalHeader()->setStretchLastSection(true);
    m_ui->records->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_ui->records->setEditTriggers(QAbstractItemView::NoEditTriggers);
    const QList<std::pair<FailedRecordsModel::Column, int>> widths = {
        {FailedRecordsModel::Column::Id, 70},      {FailedRecordsModel::Column::Scheme, 110},
        {FailedRecordsModel::Column::Stage, 70},   {FailedRecordsModel::Column::Record, 130},
        {FailedRecordsModel::Column::Number, 90},  {FailedRecordsModel::Column::Code, 70},
        {FailedRecordsModel::Column::Message, 380}};
    for (const auto &[column, width] : widths)
        m_ui->records->horizontalHeader()->resizeSection(int(column), width);
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_ui->sourcePayload->setFont(mono);
    m_ui->targetPayload->setFont(mono);
    m_ui->split->setStretchFactor(0, 3);
    m_ui->split->setStretchFactor(1, 2);
    m_ui->retrySelected->setIcon(QIcon(QStringLiteral(":/icons/retry.svg")));
    m_ui->retryAll->setIcon(QIcon(QStringLiteral(":/icons/retry.svg")));
    m_ui->ignore->setIcon(QIcon(QStringLiteral(":/icons/ignore.svg")));
    m_ui->exportCsv->setIcon(QIcon(QStringLiteral(":/icons/export.svg")));
    m_ui->saveAndRetry->setIcon(QIcon(QStringLiteral(":/icons/retry.svg")));
    m_ui->debugInDesigner->setEnabled(false);
    setSchemes({});
    // The same actions on a right click; their texts follow the buttons' (and a language
    // switch, see changeEvent).
    m_ui->records->setContextMenuPolicy(Qt::CustomContextMenu);
    QAction *debug = m_menu->addAction(QString());
    debug->setObjectName(QStringLiteral("debugAction"));
    connect(debug, &QAction::triggered, this, &FailedRecordsPanel::debugInDesigner);
    m_menu->addSeparator();
    connect(m_menu->addAction(m_ui->retrySelected->icon(), QString()), &QAction::triggered, this,
            &FailedRecordsPanel::retrySelected);
    connect(m_menu->addAction(m_ui->ignore->icon(), QString()), &QAction::triggered, this,
            &FailedRecordsPanel::ignoreSelected);
    retranslateMenu();
    connect(m_ui->records, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        const QModelIndex at = m_ui->records->indexAt(pos);
        if (!at.isValid())
            return;
        if (!m_ui->records->selectionModel()->isRowSelected(at.row()))
            m_ui->records->selectRow(at.row());
        m_ui->records->selectionModel()->setCurrentIndex(at, QItemSelectionModel::NoUpdate);
        const bool loaded = m_model->record(at.row()) != nullptr;
        m_menu->actions().first()->setEnabled(loaded);
        m_menu->popup(m_ui->records->viewport()->mapToGlobal(pos));
    });

    // A choice in a list applies at once; typing waits for a pause (a keystroke is not a
    // search), and Enter does not wait.
    m_filterTimer->setSingleShot(true);
    m_filterTimer->setInterval(kTypingPauseMs);
    connect(m_filterTimer, &QTimer::timeout, this, &FailedRecordsPanel::applyFilter);
    auto later = [this] { m_filterTimer->start(); };
    auto now = [this] {
        m_filterTimer->stop();
        applyFilter();
    };
    connect(m_ui->scheme, &QComboBox::currentIndexChanged, this, now);
    connect(m_ui->stage, &QComboBox::currentIndexChanged, this, now);
    connect(m_ui->status, &QComboBox::currentIndexChanged, this, now);
    connect(m_ui->run, &QLineEdit::textChanged, this, later);
    connect(m_ui->text, &QLineEdit::textChanged, this, later);
    connect(m_ui->run, &QLineEdit::returnPressed, this, now);
    connect(m_ui->text, &QLineEdit::returnPressed, this, now);
    connect(m_model, &FailedRecordsModel::countChanged, this, &FailedRecordsPanel::updateCount);
    connect(m_model, &FailedRecordsModel::pageLoaded, this, &FailedRecordsPanel::showCurrent);
    connect(m_ui->records->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &FailedRecordsPanel::showCurrent);
    connect(m_ui->retrySelected, &QPushButton::clicked, this, &FailedRecordsPanel::retrySelected);
    connect(m_ui->retryAll, &QPushButton::clicked, this, &FailedRecordsPanel::retryAll);
    connect(m_ui->ignore, &QPushButton::clicked, this, &FailedRecordsPanel::ignoreSelected);
    connect(m_ui->saveAndRetry, &QPushButton::clicked, this, &FailedRecordsPanel::saveAndRetry);
    connect(m_ui->debugInDesigner, &QPushButton::clicked, this,
            &FailedRecordsPanel::debugInDesigner);
    connect(m_ui->exportCsv, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export failed records"),
                                                          QStringLiteral("failed-records.csv"),
                                                          tr("CSV files (*.csv)"));
        if (!path.isEmpty())
            exportCsv(path);
    });
    connect(m_ui->sourcePayload, &QPlainTextEdit::textChanged, this, [this] {
        const QJsonDocument doc =
            QJsonDocument::fromJson(m_ui->sourcePayload->toPlainText().toUtf8());
        const bool valid = doc.isObject() || m_ui->sourcePayload->toPlainText().isEmpty();
        m_ui->payloadState->setText(valid ? QString() : tr("Not valid JSON"));
        m_ui->saveAndRetry->setEnabled(valid && m_shownId >= 0);
    });
    applyFilter();
}

FailedRecordsPanel::~FailedRecordsPanel() = default;

void FailedRecordsPanel::setSchemes(const QStringList &schemes)
{
    const QString current = m_ui->scheme->currentData().toString();
    const QSignalBlocker block(m_ui->scheme);
    m_ui->scheme->clear();
    m_ui->scheme->addItem(tr("All schemes"), QString());
    for (const QString &s : schemes)
        m_ui->scheme->addItem(s, s);
    m_ui->scheme->setCurrentIndex(std::max(0, m_ui->scheme->findData(current)));
}

void FailedRecordsPanel::showRun(const QString &runId, const QString &scheme)
{
    {
        const QSignalBlocker a(m_ui->scheme);
        const QSignalBlocker b(m_ui->run);
        const int i = m_ui->scheme->findData(scheme);
        m_ui->scheme->setCurrentIndex(i < 0 ? 0 : i);
        m_ui->run->setText(runId);
    }
    applyFilter();
}

void FailedRecordsPanel::applyFilter()
{
    FailedFilter f;
    f.scheme = m_ui->scheme->currentData().toString();
    f.runId = m_ui->run->text().trimmed();
    switch (m_ui->stage->currentIndex()) {
    case 1:
        f.stage = FailureStage::Fetch;
        break;
    case 2:
        f.stage = FailureStage::Transform;
        break;
    case 3:
        f.stage = FailureStage::Write;
        break;
    default:
        break;
    }
    switch (m_ui->status->currentIndex()) {
    case 1:
        f.status = FailureStatus::Failed;
        break;
    case 2:
        f.status = FailureStatus::Retrying;
        break;
    case 3:
        f.status = FailureStatus::Resolved;
        break;
    case 4:
        f.status = FailureStatus::Ignored;
        break;
    default:
        break;
    }
    f.text = m_ui->text->text().trimmed();
    m_model->setFilter(f);
    m_ui->count->setText(tr("Counting…"));
    showCurrent();
}

void FailedRecordsPanel::updateCount()
{
    m_ui->count->setText(tr("%1 record(s)").arg(QLocale().toString(m_model->totalCount())));
    const bool any = m_model->totalCount() > 0;
    m_ui->retryAll->setEnabled(any);
    m_ui->exportCsv->setEnabled(any);
}

void FailedRecordsPanel::selectRows(const QList<int> &rows)
{
    m_ui->records->clearSelection();
    for (int row : rows) {
        m_ui->records->selectionModel()->select(
            m_model->index(row, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }
    if (!rows.isEmpty())
        m_ui->records->selectionModel()->setCurrentIndex(m_model->index(rows.first(), 0),
                                                         QItemSelectionModel::NoUpdate);
    showCurrent();
}

void FailedRecordsPanel::showCurrent()
{
    const QModelIndex current = m_ui->records->currentIndex();
    const FailedRecord *r = current.isValid() ? m_model->record(current.row()) : nullptr;
    const bool selected = m_ui->records->selectionModel()->hasSelection();
    m_ui->retrySelected->setEnabled(selected);
    m_ui->ignore->setEnabled(selected);
    if (!r) {
        if (m_shownId != -1 || !current.isValid()) {
            m_ui->error->setPlainText(current.isValid() ? tr("Loading…") : QString());
            m_ui->sourcePayload->clear();
            m_ui->targetPayload->clear();
            m_shownId = -1;
        }
        m_ui->saveAndRetry->setEnabled(false);
        m_ui->debugInDesigner->setEnabled(false);
        return;
    }
    m_ui->debugInDesigner->setEnabled(true);
    if (r->id == m_shownId)
        return; // keep an edit in progress
    m_shownId = r->id;
    QString error = r->message;
    if (!r->errorCode.isEmpty())
        error = tr("[%1] %2").arg(r->errorCode, error);
    error += u'\n' + tr("Record %1 · scheme %2 · run %3 · attempt %4")
                         .arg(r->recordId, r->scheme, r->runId)
                         .arg(r->attempts);
    m_ui->error->setPlainText(error);
    m_ui->sourcePayload->setPlainText(pretty(r->sourcePayload));
    m_ui->targetPayload->setPlainText(r->targetPayload.isEmpty()
                                          ? tr("(not mapped: the record failed before the "
                                               "target payload was made)")
                                          : pretty(r->targetPayload));
    m_ui->saveAndRetry->setEnabled(true);
}

void FailedRecordsPanel::withSelection(std::function<void(const QList<SelectedRecord> &)> act)
{
    // The selection's row ranges, merged (not selectedRows(): an index per selected row is a
    // million of them after Ctrl+A).
    QList<QPair<int, int>> ranges; // first row, count
    for (const QItemSelectionRange &r : m_ui->records->selectionModel()->selection())
        ranges.append({r.top(), r.bottom() - r.top() + 1});
    if (ranges.isEmpty())
        return;
    std::sort(ranges.begin(), ranges.end());
    QList<QPair<int, int>> merged{ranges.first()};
    qsizetype rows = 0;
    for (const auto &[first, count] : std::as_const(ranges)) {
        QPair<int, int> &last = merged.last();
        if (first <= last.first + last.second)
            last.second = std::max(last.second, first + count - last.first);
        else
            merged.append({first, count});
    }
    for (const auto &range : std::as_const(merged))
        rows += range.second;

    QList<SelectedRecord> records;
    bool loaded = true;
    for (const auto &[first, count] : std::as_const(merged)) {
        for (int row = first; loaded && row < first + count; ++row) {
            if (const FailedRecord *r = m_model->record(row))
                records.append({r->id, r->scheme, r->recordId});
            else
                loaded = false;
        }
    }
    if (loaded) {
        act(records);
        return;
    }
    // Rows the list has not read (never scrolled to, or dropped from its cache): read them
    // from the store by their places in the same filtered order.
    Q_EMIT message(tr("Reading the %n selected record(s)…", nullptr, int(rows)));
    const FailedFilter filter = m_model->filter();
    m_state->query<QList<SelectedRecord>>(
        this,
        [filter, merged](StateStore *store) {
            QList<SelectedRecord> out;
            if (!store)
                return out;
            for (const auto &[first, count] : merged) {
                FailedFilter f = filter;
                f.offset = first;
                f.limit = count;
                for (const FailedRecord &r : store->failedRecords(f))
                    out.append({r.id, r.scheme, r.recordId});
            }
            return out;
        },
        [this, act = std::move(act)](const QList<SelectedRecord> &records) {
            if (records.isEmpty()) // resolved or ignored meanwhile (by a run, another window)
                Q_EMIT message(tr("The selected records are no longer in the list."));
            else
                act(records);
        });
}

void FailedRecordsPanel::retrySelected()
{
    withSelection([this](const QList<SelectedRecord> &records) { retryRecords(records); });
}

void FailedRecordsPanel::retryRecords(const QList<SelectedRecord> &records)
{
    const QString scheme = records.first().scheme;
    QStringList ids;
    bool mixed = false;
    for (const SelectedRecord &r : records) {
        if (r.scheme == scheme)
            ids << r.recordId;
        else
            mixed = true;
    }
    if (mixed)
        Q_EMIT message(
            tr("A retry runs one scheme: retrying the records of %1 first.").arg(scheme));
    ids.removeDuplicates();
    Q_EMIT retryRequested(scheme, ids);
}

void FailedRecordsPanel::retryAll()
{
    const QString scheme = m_model->filter().scheme;
    if (!scheme.isEmpty()) {
        Q_EMIT retryRequested(scheme, {});
        return;
    }
    // Every scheme with open failures, one retry each (the main window queues them).
    QStringList schemes;
    for (int i = 1; i < m_ui->scheme->count(); ++i)
        schemes << m_ui->scheme->itemData(i).toString();
    m_state->query<QStringList>(
        this,
        [schemes](StateStore *store) {
            QStringList open;
            for (const QString &s : schemes) {
                FailedFilter f;
                f.scheme = s;
                if (store && store->countFailed(f) > 0)
                    open << s;
            }
            return open;
        },
        [this](const QStringList &open) {
            if (open.isEmpty())
                Q_EMIT message(tr("No open failed records to retry."));
            for (const QString &s : open)
                Q_EMIT retryRequested(s, {});
        });
}

void FailedRecordsPanel::ignoreSelected()
{
    withSelection([this](const QList<SelectedRecord> &records) {
        QList<qint64> ids;
        for (const SelectedRecord &r : records)
            ids << r.id;
        m_state->modify(
            [ids](StateStore *s) { return s->setFailureStatus(ids, FailureStatus::Ignored); },
            [this, n = ids.size()](bool ok) {
                Q_EMIT message(ok ? tr("%n record(s) ignored.", nullptr, int(n))
                                  : tr("Could not mark the records ignored."));
            });
    });
}

void FailedRecordsPanel::saveAndRetry()
{
    const QModelIndex current = m_ui->records->currentIndex();
    const FailedRecord *r = current.isValid() ? m_model->record(current.row()) : nullptr;
    if (!r)
        return;
    const QJsonDocument doc = QJsonDocument::fromJson(m_ui->sourcePayload->toPlainText().toUtf8());
    if (!doc.isObject()) {
        Q_EMIT message(tr("The source payload is not a JSON object: fix it before retrying."));
        return;
    }
    const qint64 id = r->id;
    const QString scheme = r->scheme;
    const QString recordId = r->recordId;
    const QJsonObject payload = doc.object();
    m_state->modify([id, payload](StateStore *s) { return s->updateFailurePayload(id, payload); },
                    [this, scheme, recordId](bool ok) {
                        if (!ok) {
                            Q_EMIT message(tr("Could not save the edited payload."));
                            return;
                        }
                        Q_EMIT retryRequested(scheme, {recordId});
                    });
}

void FailedRecordsPanel::debugInDesigner()
{
    const QModelIndex current = m_ui->records->currentIndex();
    const FailedRecord *first = current.isValid() ? m_model->record(current.row()) : nullptr;
    if (!first)
        return;
    QList<FailedRecord> records{*first};
    // The other selected rows of its scheme that are loaded (a sample is a handful of
    // records, never the million of a Ctrl+A, so unloaded rows are not read for it).
    int looked = 0;
    for (const QItemSelectionRange &range : m_ui->records->selectionModel()->selection()) {
        for (int row = range.top(); row <= range.bottom(); ++row) {
            if (records.size() >= kMaxDebugRecords || ++looked > 10 * kMaxDebugRecords)
                break;
            const FailedRecord *r = m_model->record(row);
            if (r && row != current.row() && r->scheme == first->scheme)
                records.append(*r);
        }
    }
    Q_EMIT debugRequested(records);
}

void FailedRecordsPanel::retranslateMenu()
{
    const QList<QAction *> actions = m_menu->actions();
    actions.at(0)->setText(m_ui->debugInDesigner->text());
    actions.at(0)->setToolTip(m_ui->debugInDesigner->toolTip());
    actions.at(2)->setText(m_ui->retrySelected->text());
    actions.at(3)->setText(m_ui->ignore->text());
}

void FailedRecordsPanel::exportCsv(const QString &path)
{
    FailedFilter filter = m_model->filter();
    m_state->query<QString>(
        this,
        [filter, path](StateStore *store) mutable -> QString {
            if (!store)
                return QStringLiteral("no state store");
            QSaveFile file(path);
            if (!file.open(QIODevice::WriteOnly))
                return file.errorString();
            file.write("\xEF\xBB\xBF"); // BOM: spreadsheet programs then read UTF-8 (Chinese)
            file.write("id,scheme,run,stage,record_id,record_number,record_name,error_code,"
                       "message,attempts,status,updated_at,source_payload,target_payload\n");
            // In pages, so a million records never sit in memory at once.
            filter.limit = 2000;
            for (filter.offset = 0;; filter.offset += filter.limit) {
                const QList<FailedRecord> page = store->failedRecords(filter);
                for (const FailedRecord &r : page) {
                    const QList<QByteArray> fields = {
                        QByteArray::number(r.id),
                        csvField(r.scheme),
                        csvField(r.runId),
                        csvField(failureStageName(r.stage)),
                        csvField(r.recordId),
                        csvField(r.recordNumber),
                        csvField(r.recordName),
                        csvField(r.errorCode),
                        csvField(r.message),
                        QByteArray::number(r.attempts),
                        csvField(failureStatusName(r.status)),
                        csvField(r.updatedAt.toString(Qt::ISODate)),
                        csvField(QString::fromUtf8(compact(r.sourcePayload))),
                        csvField(QString::fromUtf8(compact(r.targetPayload)))};
                    file.write(fields.join(','));
                    file.write("\n");
                }
                if (page.size() < filter.limit)
                    break;
            }
            return file.commit() ? QString() : file.errorString();
        },
        [this, path](const QString &error) {
            Q_EMIT message(error.isEmpty() ? tr("Exported to %1.").arg(path)
                                           : tr("Export failed: %1").arg(error));
        });
}

void FailedRecordsPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        const int stage = m_ui->stage->currentIndex();
        const int status = m_ui->status->currentIndex();
        QStringList schemes;
        for (int i = 1; i < m_ui->scheme->count(); ++i)
            schemes << m_ui->scheme->itemData(i).toString();
        {
            const QSignalBlocker a(m_ui->stage);
            const QSignalBlocker b(m_ui->status);
            m_ui->retranslateUi(this);
            m_ui->stage->setCurrentIndex(stage);
            m_ui->status->setCurrentIndex(status);
        }
        setSchemes(schemes);
        retranslateMenu();
        updateCount();
        m_shownId = -1;
        showCurrent();
    }
    QWidget::changeEvent(event);
}

} // namespace weft
