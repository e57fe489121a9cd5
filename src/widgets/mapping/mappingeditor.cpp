#include "widgets/mapping/mappingeditor.h"

#include "core/catalog/fieldmatch.h"
#include "core/model/mysqlstatement.h"
#include "widgets/common/language.h"
#include "widgets/common/projectdocument.h"
#include "widgets/editor/expressioneditor.h"
#include "widgets/editor/expressionfield.h"
#include "widgets/editor/functioncatalog.h"
#include "widgets/mapping/mappingmodel.h"
#include "widgets/mapping/mysqlcolumnloader.h"
#include "widgets/mapping/sourcefields.h"
#include "widgets/run/samplecache.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace weft {

namespace {

/// Target rows matching a search text (field, label), optionally only the unmapped ones.
class TargetFilter final : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    void setUnmappedOnly(bool on)
    {
        m_unmappedOnly = on;
        invalidateRowsFilter();
    }
    void setText(const QString &text)
    {
        m_text = text;
        invalidateRowsFilter();
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        const auto *m = static_cast<const MappingModel *>(sourceModel());
        const TargetField &f = m->field(row);
        if (m_unmappedOnly && (f.isGroup || f.isMapped()))
            return false;
        return m_text.isEmpty() || f.path.contains(m_text, Qt::CaseInsensitive) ||
               f.label.contains(m_text, Qt::CaseInsensitive);
    }

private:
    bool m_unmappedOnly = false;
    QString m_text;
};

QToolButton *toolButton(const QString &icon, QWidget *parent)
{
    auto *b = new QToolButton(parent);
    b->setIcon(QIcon(icon));
    b->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    b->setAutoRaise(true);
    return b;
}

} // namespace

MappingEditor::MappingEditor(ProjectDocument *doc, SampleCache *samples, QWidget *parent)
    : QWidget(parent)
    , m_doc(doc)
    , m_samples(samples)
    , m_model(new MappingModel(doc, this))
    , m_targetProxy(new TargetFilter(this))
    , m_sources(new SourceFieldModel(this))
    , m_sourceProxy(new QSortFilterProxyModel(this))
    , m_columns(new MySqlColumnLoader(this))
{
    setObjectName(QStringLiteral("mappingEditor"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);

    // Header: scheme, sample.
    auto *header = new QHBoxLayout;
    m_title = new QLabel(this);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    m_title->setFont(titleFont);
    header->addWidget(m_title, 1);
    m_sampleState = new QLabel(this);
    header->addWidget(m_sampleState);
    m_recordLabel = new QLabel(this);
    header->addWidget(m_recordLabel);
    m_record = new QSpinBox(this);
    m_record->setMinimum(1);
    header->addWidget(m_record);
    m_fetch = new QPushButton(QIcon(QStringLiteral(":/icons/preview.svg")), QString(), this);
    header->addWidget(m_fetch);
    layout->addLayout(header);

    auto *split = new QSplitter(Qt::Vertical, this);
    auto *top = new QSplitter(Qt::Horizontal, split);

    // Left: source fields.
    auto *left = new QWidget(top);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    m_sourceSearch = new QLineEdit(left);
    m_sourceSearch->setClearButtonEnabled(true);
    leftLayout->addWidget(m_sourceSearch);
    m_sourceProxy->setSourceModel(m_sources);
    m_sourceProxy->setRecursiveFilteringEnabled(true);
    m_sourceProxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_sourceTree = new QTreeView(left);
    m_sourceTree->setObjectName(QStringLiteral("sourceFields"));
    m_sourceTree->setModel(m_sourceProxy);
    m_sourceTree->setDragEnabled(true);
    m_sourceTree->setDragDropMode(QAbstractItemView::DragOnly);
    m_sourceTree->setDefaultDropAction(Qt::CopyAction);
    m_sourceTree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_sourceTree->setUniformRowHeights(true);
    // Room below the baseline: underscores in field names (表格_客户编码) must stay visible.
    m_sourceTree->setStyleSheet(QStringLiteral("QTreeView::item { padding: 2px 0px; }"));
    m_sourceTree->header()->setSectionResizeMode(QHeaderView::Interactive);
    m_sourceTree->header()->resizeSection(0, 190);
    leftLayout->addWidget(m_sourceTree);
    m_sourceHint = new QLabel(left);
    m_sourceHint->setWordWrap(true);
    m_sourceHint->setStyleSheet(QStringLiteral("color: #607d8b"));
    leftLayout->addWidget(m_sourceHint);

    // Right: target fields.
    auto *right = new QWidget(top);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    auto *bar = new QHBoxLayout;
    m_targetSearch = new QLineEdit(right);
    m_targetSearch->setClearButtonEnabled(true);
    bar->addWidget(m_targetSearch, 1);
    m_unmappedOnly = new QCheckBox(right);
    bar->addWidget(m_unmappedOnly);
    m_autoMap = toolButton(QStringLiteral(":/icons/auto-map.svg"), right);
    m_clear = toolButton(QStringLiteral(":/icons/clear.svg"), right);
    m_clearAll = toolButton(QStringLiteral(":/icons/edit-delete.svg"), right);
    bar->addWidget(m_autoMap);
    bar->addWidget(m_clear);
    bar->addWidget(m_clearAll);
    rightLayout->addLayout(bar);
    m_targetProxy->setSourceModel(m_model);
    m_targets = new QTableView(right);
    m_targets->setObjectName(QStringLiteral("targetFields"));
    m_targets->setModel(m_targetProxy);
    m_targets->setAcceptDrops(true);
    m_targets->setDragDropMode(QAbstractItemView::DropOnly);
    m_targets->setDragDropOverwriteMode(true);
    m_targets->setDropIndicatorShown(true);
    m_targets->setDefaultDropAction(Qt::CopyAction);
    m_targets->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_targets->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_targets->setEditTriggers(QAbstractItemView::DoubleClicked |
                               QAbstractItemView::EditKeyPressed);
    m_targets->verticalHeader()->hide();
    m_targets->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    m_targets->horizontalHeader()->setStretchLastSection(true);
    m_targets->setWordWrap(false);
    rightLayout->addWidget(m_targets);
    m_tableColumns = new QLabel(right);
    m_tableColumns->setStyleSheet(QStringLiteral("color: #607d8b"));
    m_tableColumns->hide();
    rightLayout->addWidget(m_tableColumns);
    m_summary = new QLabel(right);
    rightLayout->addWidget(m_summary);
    top->addWidget(left);
    top->addWidget(right);
    top->setStretchFactor(0, 3);
    top->setStretchFactor(1, 5);

    // Bottom: the selected field's value.
    auto *bottom = new QWidget(split);
    auto *bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    m_valueLabel = new QLabel(bottom);
    bottomLayout->addWidget(m_valueLabel);
    m_expression = new ExpressionField(bottom);
    bottomLayout->addWidget(m_expression);
    auto *parserRow = new QHBoxLayout;
    m_parserLabel = new QLabel(bottom);
    parserRow->addWidget(m_parserLabel);
    m_parser = new QComboBox(bottom);
    m_parser->addItem(QString());
    for (const ParserEntry &p : parserCatalog())
        m_parser->addItem(p.name, p.name);
    parserRow->addWidget(m_parser);
    m_param1 = new QLineEdit(bottom);
    m_param2 = new QLineEdit(bottom);
    parserRow->addWidget(m_param1);
    parserRow->addWidget(m_param2);
    parserRow->addStretch(1);
    bottomLayout->addLayout(parserRow);
    split->addWidget(top);
    split->addWidget(bottom);
    split->setStretchFactor(0, 4);
    split->setStretchFactor(1, 1);
    // Room beneath for the value, its result (two lines) and the parser.
    bottom->setMinimumHeight(fontMetrics().height() * 9);
    layout->addWidget(split);

    connect(m_sourceSearch, &QLineEdit::textChanged, this, [this](const QString &t) {
        m_sourceProxy->setFilterFixedString(t);
        if (!t.isEmpty())
            m_sourceTree->expandAll();
    });
    connect(m_targetSearch, &QLineEdit::textChanged, this,
            [this](const QString &t) { static_cast<TargetFilter *>(m_targetProxy)->setText(t); });
    connect(m_unmappedOnly, &QCheckBox::toggled, this,
            [this](bool on) { static_cast<TargetFilter *>(m_targetProxy)->setUnmappedOnly(on); });
    connect(m_autoMap, &QToolButton::clicked, this, [this] {
        const int n = m_model->autoMap();
        Q_EMIT message(n > 0 ? tr("Auto-map: %n field(s) mapped by name.", nullptr, n)
                             : tr("Auto-map: no unmapped target field has a source field of the "
                                  "same name."));
    });
    connect(m_clear, &QToolButton::clicked, this, [this] {
        QList<int> rows;
        for (const QModelIndex &i : m_targets->selectionModel()->selectedRows())
            rows << m_targetProxy->mapToSource(i).row();
        if (!rows.isEmpty())
            m_model->clear(rows);
    });
    connect(m_clearAll, &QToolButton::clicked, this, [this] { m_model->clear(); });
    connect(m_model, &MappingModel::message, this, &MappingEditor::message);
    connect(m_model, &QAbstractItemModel::modelReset, this, &MappingEditor::refreshSummary);
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this] {
        refreshSummary();
        loadCurrent();
    });
    connect(m_targets->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MappingEditor::loadCurrent);
    connect(m_expression, &ExpressionField::committed, this, [this](const QString &text) {
        if (!m_loading && currentRow() >= 0)
            m_model->setValue(currentRow(), text);
    });
    connect(m_parser, &QComboBox::activated, this, &MappingEditor::commitParser);
    connect(m_param1, &QLineEdit::editingFinished, this, &MappingEditor::commitParser);
    connect(m_param2, &QLineEdit::editingFinished, this, &MappingEditor::commitParser);
    connect(m_fetch, &QPushButton::clicked, this, [this] {
        if (m_samples->isFetching(m_scheme))
            m_samples->cancel(m_scheme);
        else
            Q_EMIT previewRequested(m_scheme);
    });
    connect(m_record, &QSpinBox::valueChanged, this, &MappingEditor::refreshSample);
    connect(m_samples, &SampleCache::fetchStarted, this, [this](const QString &s) {
        if (s == m_scheme)
            refreshSample();
    });
    connect(m_samples, &SampleCache::updated, this, [this](const QString &s) {
        if (s == m_scheme) {
            refreshSources();
            refreshSample();
        }
    });
    connect(m_columns, &MySqlColumnLoader::loaded, this,
            [this](const QString &table, const QList<ColumnInfo> &columns, const QString &error) {
                m_model->setTableColumns(columns);
                m_tableColumns->setText(
                    error.isEmpty()
                        ? tr("Columns of table %1 read from the database: %2.")
                              .arg(table)
                              .arg(columns.size())
                        : tr("Columns of table %1 could not be read: %2").arg(table, error));
                m_tableColumns->show();
            });
    connect(doc, &ProjectDocument::schemeChanged, this,
            [this](int, const QString &oldName, const QString &newName) {
                if (oldName == m_scheme) {
                    m_scheme = newName;
                    retranslate();
                    if (!m_samples->hasSample(m_scheme))
                        refreshSources();
                }
            });
    retranslate();
}

MappingEditor::~MappingEditor() = default;

void MappingEditor::setScheme(const QString &scheme)
{
    m_scheme = scheme;
    m_model->setScheme(scheme);
    m_model->setTableColumns({});
    m_tableColumns->hide();
    refreshSources();
    refreshSample();
    retranslate();
    m_targets->resizeColumnsToContents();
    m_targets->horizontalHeader()->resizeSection(int(MappingModel::Column::Value), 280);
    m_expression->setTimeZone(m_doc->project().timeZone);
    // A MySQL target's table columns come from the database itself, off the GUI thread.
    const Scheme *s = m_doc->project().scheme(scheme);
    const Connection *c = s ? m_doc->project().connection(s->target.connection) : nullptr;
    if (c && c->type == ConnectorType::MySql && c->unknownType.isEmpty()) {
        const MySqlStatement statement = MySqlStatement::parse(s->target.metadata.mainSql());
        if (statement.isValid() && !statement.table.isEmpty()) {
            m_tableColumns->setText(tr("Reading the columns of table %1…").arg(statement.table));
            m_tableColumns->show();
            m_columns->load(*c, statement.table);
        }
    }
    if (m_model->rowCount() > 0)
        selectTarget(0);
}

void MappingEditor::selectTarget(int row)
{
    const QModelIndex index = m_targetProxy->mapFromSource(m_model->index(row, 0));
    m_targets->setCurrentIndex(index);
    m_targets->scrollTo(index);
}

int MappingEditor::currentRow() const
{
    const QModelIndex index = m_targets->currentIndex();
    return index.isValid() ? m_targetProxy->mapToSource(index).row() : -1;
}

void MappingEditor::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void MappingEditor::retranslate()
{
    const Scheme *s = m_doc->project().scheme(m_scheme);
    m_title->setText(s ? tr("Mapping of %1").arg(s->title.isEmpty() ? s->name : s->title)
                       : tr("Mapping"));
    m_recordLabel->setText(tr("Sample record"));
    m_sourceSearch->setPlaceholderText(tr("Search source fields"));
    m_targetSearch->setPlaceholderText(tr("Search target fields"));
    m_unmappedOnly->setText(tr("Unmapped only"));
    m_autoMap->setText(tr("Auto-map"));
    m_autoMap->setToolTip(tr("Map every unmapped target field to the source field of the same "
                             "name"));
    m_clear->setText(tr("Clear selected"));
    m_clearAll->setText(tr("Clear all"));
    m_parserLabel->setText(tr("Parser"));
    m_parser->setItemText(0, tr("(none)"));
    m_param1->setPlaceholderText(tr("params"));
    m_param2->setPlaceholderText(tr("params2"));
    m_sources->setHorizontalHeaderLabels({tr("Source field"), tr("Sample value")});
    m_sourceHint->setText(tr("Drag fields onto a target field to map them; several at once "
                             "make a composite value. Drop on empty space to map by name."));
    refreshSummary();
    refreshSample();
    loadCurrent();
}

void MappingEditor::refreshSources()
{
    const QList<QJsonObject> inputs = m_samples->inputs(m_scheme);
    // A source made from the catalogue knows its fields and their labels before any sample.
    QStringList fields = m_samples->fields(m_scheme);
    QHash<QString, QString> labels;
    const int index = m_doc->schemeIndex(m_scheme);
    const QString ref = index < 0 ? QString()
                                  : m_doc->project()
                                        .schemes.at(index)
                                        .source.metadata.json()
                                        .value(QLatin1String("catalog"))
                                        .toString();
    if (const CatalogEndpoint *e = ref.isEmpty() ? nullptr : Catalog::builtin()->endpoint(ref)) {
        const bool chinese = Language::current() == QLatin1String("zh_CN");
        for (const LabelledField &f : flattenedRecordFields(*e)) {
            labels.insert(f.name, chinese ? (f.zh.isEmpty() ? f.en : f.zh)
                                          : (f.en.isEmpty() ? f.zh : f.en));
            if (inputs.isEmpty() && !fields.contains(f.name))
                fields << f.name;
        }
    }
    if (!inputs.isEmpty())
        m_sources->setRecords(inputs);
    else
        m_sources->setFieldNames(fields);
    m_sources->setLabels(labels);
    // Only a real sample is trusted to say a field does not exist.
    m_model->setSourceFields(fields, !inputs.isEmpty());
    m_expression->setFields(inputs.isEmpty() ? QStringList() : fields);
    m_sourceTree->resizeColumnToContents(0);
}

void MappingEditor::refreshSummary()
{
    const int required = m_model->unmappedRequiredCount();
    QString text =
        tr("%1 of %2 fields mapped").arg(m_model->mappedCount()).arg(m_model->leafCount());
    if (required > 0)
        text += QStringLiteral(" · ") + tr("%n required field(s) not mapped", nullptr, required);
    m_summary->setText(text);
    m_summary->setStyleSheet(required > 0 ? QStringLiteral("color: #c62828")
                                          : QStringLiteral("color: #2e7d32"));
}

void MappingEditor::refreshSample()
{
    const bool fetching = m_samples->isFetching(m_scheme);
    m_fetch->setText(fetching ? tr("Cancel") : tr("Fetch sample"));
    m_fetch->setIcon(QIcon(fetching ? QStringLiteral(":/icons/stop.svg")
                                    : QStringLiteral(":/icons/preview.svg")));
    const QList<QJsonObject> inputs = m_samples->inputs(m_scheme);
    const PreviewResult *result = m_samples->result(m_scheme);
    if (fetching)
        m_sampleState->setText(tr("Fetching a sample…"));
    else if (result && !result->error.isEmpty())
        m_sampleState->setText(tr("Sample failed: %1").arg(result->error.left(120)));
    else if (!inputs.isEmpty())
        m_sampleState->setText(tr("%n sample record(s)", nullptr, int(inputs.size())));
    else
        m_sampleState->setText(tr("No sample yet"));
    m_record->setEnabled(!inputs.isEmpty());
    m_record->setMaximum(std::max<int>(1, int(inputs.size())));
    if (inputs.isEmpty()) {
        m_expression->setSample(std::nullopt);
        return;
    }
    const int i = std::clamp(m_record->value() - 1, 0, int(inputs.size()) - 1);
    const TransformInput &in = result->output.inputs.at(i);
    m_expression->setSample(inputs.at(i),
                            tr("record %1").arg(in.id.isEmpty() ? QString::number(i + 1) : in.id));
}

void MappingEditor::loadCurrent()
{
    const int row = currentRow();
    m_loading = true;
    const bool valid = row >= 0 && !m_model->field(row).isGroup;
    m_expression->setEnabled(valid);
    m_parser->setEnabled(valid);
    if (!valid) {
        m_valueLabel->setText(
            row >= 0 ? tr("%1 is built from its fields below.").arg(m_model->field(row).field)
                     : tr("Select a target field to edit its value."));
        m_expression->setValue(QString());
        m_loading = false;
        return;
    }
    const TargetField &f = m_model->field(row);
    m_valueLabel->setText(f.label.isEmpty() ? tr("Value of %1").arg(f.path)
                                            : tr("Value of %1 (%2)").arg(f.path, f.label));
    if (m_expression->value() != f.value && !m_expression->editor()->hasFocus())
        m_expression->setValue(f.value);
    const int p = m_parser->findData(f.parser);
    m_parser->setCurrentIndex(p < 0 ? 0 : p);
    m_param1->setText(valueText(f.parserJson.value(QLatin1String("params")).isUndefined()
                                    ? f.parserJson.value(QLatin1String("params1"))
                                    : f.parserJson.value(QLatin1String("params"))));
    m_param2->setText(valueText(f.parserJson.value(QLatin1String("params2"))));
    QStringList params;
    for (const ParserEntry &e : parserCatalog()) {
        if (e.name == f.parser) {
            params = e.params;
            m_parser->setToolTip(e.description);
        }
    }
    m_param1->setVisible(!params.isEmpty());
    m_param2->setVisible(params.size() > 1);
    m_loading = false;
}

void MappingEditor::commitParser()
{
    const int row = currentRow();
    if (m_loading || row < 0)
        return;
    const QString name = m_parser->currentData().toString();
    QJsonObject parser;
    if (!name.isEmpty()) {
        parser.insert(QStringLiteral("name"), name);
        for (const ParserEntry &e : parserCatalog()) {
            if (e.name != name)
                continue;
            if (e.params.size() == 1 && !m_param1->text().isEmpty())
                parser.insert(e.params.at(0), m_param1->text());
            if (e.params.size() == 2) {
                parser.insert(e.params.at(0), m_param1->text());
                parser.insert(e.params.at(1), m_param2->text());
            }
        }
    }
    m_model->setParser(row, parser);
}

} // namespace weft
