package dev.quiver.parser;

import dev.quiver.error.SqlState;
import dev.quiver.parser.antlr.QuiverSqlBaseVisitor;
import dev.quiver.parser.antlr.QuiverSqlLexer;
import dev.quiver.parser.antlr.QuiverSqlParser.AnalyzeContext;
import dev.quiver.parser.antlr.QuiverSqlParser.ArithmeticBinaryContext;
import dev.quiver.parser.antlr.QuiverSqlParser.ArithmeticUnaryContext;
import dev.quiver.parser.antlr.QuiverSqlParser.BaseTypeContext;
import dev.quiver.parser.antlr.QuiverSqlParser.BetweenContext;
import dev.quiver.parser.antlr.QuiverSqlParser.BooleanDefaultContext;
import dev.quiver.parser.antlr.QuiverSqlParser.BooleanExpressionContext;
import dev.quiver.parser.antlr.QuiverSqlParser.BooleanLiteralContext;
import dev.quiver.parser.antlr.QuiverSqlParser.CallContext;
import dev.quiver.parser.antlr.QuiverSqlParser.CastContext;
import dev.quiver.parser.antlr.QuiverSqlParser.CastOperatorContext;
import dev.quiver.parser.antlr.QuiverSqlParser.ColumnAliasesContext;
import dev.quiver.parser.antlr.QuiverSqlParser.ColumnConstraintContext;
import dev.quiver.parser.antlr.QuiverSqlParser.ColumnDefinitionContext;
import dev.quiver.parser.antlr.QuiverSqlParser.ColumnReferenceContext;
import dev.quiver.parser.antlr.QuiverSqlParser.ComparisonExpressionContext;
import dev.quiver.parser.antlr.QuiverSqlParser.ComparisonOperatorContext;
import dev.quiver.parser.antlr.QuiverSqlParser.ConcatenationContext;
import dev.quiver.parser.antlr.QuiverSqlParser.CreateIndexContext;
import dev.quiver.parser.antlr.QuiverSqlParser.CreateTableAsSelectContext;
import dev.quiver.parser.antlr.QuiverSqlParser.CreateTableContext;
import dev.quiver.parser.antlr.QuiverSqlParser.CreateViewContext;
import dev.quiver.parser.antlr.QuiverSqlParser.CrossJoinContext;
import dev.quiver.parser.antlr.QuiverSqlParser.DefaultConstraintContext;
import dev.quiver.parser.antlr.QuiverSqlParser.DeleteFromContext;
import dev.quiver.parser.antlr.QuiverSqlParser.DistinctFromContext;
import dev.quiver.parser.antlr.QuiverSqlParser.DropIndexContext;
import dev.quiver.parser.antlr.QuiverSqlParser.DropTableContext;
import dev.quiver.parser.antlr.QuiverSqlParser.DropViewContext;
import dev.quiver.parser.antlr.QuiverSqlParser.ExistsContext;
import dev.quiver.parser.antlr.QuiverSqlParser.ExplainContext;
import dev.quiver.parser.antlr.QuiverSqlParser.ExplainOptionContext;
import dev.quiver.parser.antlr.QuiverSqlParser.ExplainOptionValueContext;
import dev.quiver.parser.antlr.QuiverSqlParser.ExpressionContext;
import dev.quiver.parser.antlr.QuiverSqlParser.ExtractContext;
import dev.quiver.parser.antlr.QuiverSqlParser.FunctionCallContext;
import dev.quiver.parser.antlr.QuiverSqlParser.FunctionCallStarContext;
import dev.quiver.parser.antlr.QuiverSqlParser.FunctionNameContext;
import dev.quiver.parser.antlr.QuiverSqlParser.IdentifierContext;
import dev.quiver.parser.antlr.QuiverSqlParser.InListContext;
import dev.quiver.parser.antlr.QuiverSqlParser.InSubqueryContext;
import dev.quiver.parser.antlr.QuiverSqlParser.InlineTableContext;
import dev.quiver.parser.antlr.QuiverSqlParser.InsertIntoContext;
import dev.quiver.parser.antlr.QuiverSqlParser.IntervalFieldContext;
import dev.quiver.parser.antlr.QuiverSqlParser.IntervalLiteralContext;
import dev.quiver.parser.antlr.QuiverSqlParser.IsDefaultContext;
import dev.quiver.parser.antlr.QuiverSqlParser.IsNullContext;
import dev.quiver.parser.antlr.QuiverSqlParser.IsTruthContext;
import dev.quiver.parser.antlr.QuiverSqlParser.JoinCriteriaContext;
import dev.quiver.parser.antlr.QuiverSqlParser.JoinTypeContext;
import dev.quiver.parser.antlr.QuiverSqlParser.KeywordIdentifierContext;
import dev.quiver.parser.antlr.QuiverSqlParser.LikeContext;
import dev.quiver.parser.antlr.QuiverSqlParser.LimitExpressionContext;
import dev.quiver.parser.antlr.QuiverSqlParser.LimitOffsetContext;
import dev.quiver.parser.antlr.QuiverSqlParser.LogicalBinaryContext;
import dev.quiver.parser.antlr.QuiverSqlParser.LogicalNotContext;
import dev.quiver.parser.antlr.QuiverSqlParser.NamedArgumentContext;
import dev.quiver.parser.antlr.QuiverSqlParser.NamedQueryContext;
import dev.quiver.parser.antlr.QuiverSqlParser.NaturalJoinContext;
import dev.quiver.parser.antlr.QuiverSqlParser.NotNullConstraintContext;
import dev.quiver.parser.antlr.QuiverSqlParser.NullConstraintContext;
import dev.quiver.parser.antlr.QuiverSqlParser.NullLiteralContext;
import dev.quiver.parser.antlr.QuiverSqlParser.NumberedParameterContext;
import dev.quiver.parser.antlr.QuiverSqlParser.NumericLiteralContext;
import dev.quiver.parser.antlr.QuiverSqlParser.ParenthesizedExpressionContext;
import dev.quiver.parser.antlr.QuiverSqlParser.ParenthesizedRelationContext;
import dev.quiver.parser.antlr.QuiverSqlParser.PositionContext;
import dev.quiver.parser.antlr.QuiverSqlParser.PositionalArgumentContext;
import dev.quiver.parser.antlr.QuiverSqlParser.PositionalParameterContext;
import dev.quiver.parser.antlr.QuiverSqlParser.PredicateContext;
import dev.quiver.parser.antlr.QuiverSqlParser.PredicateExpressionContext;
import dev.quiver.parser.antlr.QuiverSqlParser.PrimaryKeyConstraintContext;
import dev.quiver.parser.antlr.QuiverSqlParser.QualifiedJoinContext;
import dev.quiver.parser.antlr.QuiverSqlParser.QualifiedNameContext;
import dev.quiver.parser.antlr.QuiverSqlParser.QueryContext;
import dev.quiver.parser.antlr.QuiverSqlParser.QueryPrimaryDefaultContext;
import dev.quiver.parser.antlr.QuiverSqlParser.QuerySpecificationContext;
import dev.quiver.parser.antlr.QuiverSqlParser.QueryTermContext;
import dev.quiver.parser.antlr.QuiverSqlParser.QueryTermDefaultContext;
import dev.quiver.parser.antlr.QuiverSqlParser.QuotedIdentifierContext;
import dev.quiver.parser.antlr.QuiverSqlParser.ReindexContext;
import dev.quiver.parser.antlr.QuiverSqlParser.RelationContext;
import dev.quiver.parser.antlr.QuiverSqlParser.RelationDefaultContext;
import dev.quiver.parser.antlr.QuiverSqlParser.RowConstructorContext;
import dev.quiver.parser.antlr.QuiverSqlParser.SearchedCaseContext;
import dev.quiver.parser.antlr.QuiverSqlParser.SelectAllContext;
import dev.quiver.parser.antlr.QuiverSqlParser.SelectSingleContext;
import dev.quiver.parser.antlr.QuiverSqlParser.SetExpressionContext;
import dev.quiver.parser.antlr.QuiverSqlParser.SetOnContext;
import dev.quiver.parser.antlr.QuiverSqlParser.SetOperationContext;
import dev.quiver.parser.antlr.QuiverSqlParser.SetOptionContext;
import dev.quiver.parser.antlr.QuiverSqlParser.SetQuantifierContext;
import dev.quiver.parser.antlr.QuiverSqlParser.SimpleCaseContext;
import dev.quiver.parser.antlr.QuiverSqlParser.SortItemContext;
import dev.quiver.parser.antlr.QuiverSqlParser.StatementContext;
import dev.quiver.parser.antlr.QuiverSqlParser.StatementDefaultContext;
import dev.quiver.parser.antlr.QuiverSqlParser.StringLiteralContext;
import dev.quiver.parser.antlr.QuiverSqlParser.SubqueryContext;
import dev.quiver.parser.antlr.QuiverSqlParser.SubqueryExpressionContext;
import dev.quiver.parser.antlr.QuiverSqlParser.SubqueryRelationContext;
import dev.quiver.parser.antlr.QuiverSqlParser.SubstringContext;
import dev.quiver.parser.antlr.QuiverSqlParser.TableAliasContext;
import dev.quiver.parser.antlr.QuiverSqlParser.TableConstraintContext;
import dev.quiver.parser.antlr.QuiverSqlParser.TableElementContext;
import dev.quiver.parser.antlr.QuiverSqlParser.TableNameContext;
import dev.quiver.parser.antlr.QuiverSqlParser.TargetAliasContext;
import dev.quiver.parser.antlr.QuiverSqlParser.TrimContext;
import dev.quiver.parser.antlr.QuiverSqlParser.TypeContext;
import dev.quiver.parser.antlr.QuiverSqlParser.TypedLiteralContext;
import dev.quiver.parser.antlr.QuiverSqlParser.UniqueConstraintContext;
import dev.quiver.parser.antlr.QuiverSqlParser.UnquotedIdentifierContext;
import dev.quiver.parser.antlr.QuiverSqlParser.UpdateContext;
import dev.quiver.parser.antlr.QuiverSqlParser.ValueDefaultContext;
import dev.quiver.parser.antlr.QuiverSqlParser.ValueExpressionContext;
import dev.quiver.parser.antlr.QuiverSqlParser.WhenClauseContext;
import dev.quiver.parser.antlr.QuiverSqlParser.WithContext;
import dev.quiver.parser.antlr.QuiverSqlParser;
import dev.quiver.parser.ast.AllColumns;
import dev.quiver.parser.ast.Analyze;
import dev.quiver.parser.ast.ArithmeticBinary;
import dev.quiver.parser.ast.ArithmeticOperator;
import dev.quiver.parser.ast.ArithmeticUnary;
import dev.quiver.parser.ast.Between;
import dev.quiver.parser.ast.BooleanLiteral;
import dev.quiver.parser.ast.Call;
import dev.quiver.parser.ast.CallArgument;
import dev.quiver.parser.ast.Case;
import dev.quiver.parser.ast.Cast;
import dev.quiver.parser.ast.ColumnAssignment;
import dev.quiver.parser.ast.ColumnDefinition;
import dev.quiver.parser.ast.ColumnReference;
import dev.quiver.parser.ast.Comparison;
import dev.quiver.parser.ast.ComparisonOperator;
import dev.quiver.parser.ast.Concatenation;
import dev.quiver.parser.ast.ConflictAction;
import dev.quiver.parser.ast.CreateIndex;
import dev.quiver.parser.ast.CreateTable;
import dev.quiver.parser.ast.CreateTableAs;
import dev.quiver.parser.ast.CreateView;
import dev.quiver.parser.ast.Delete;
import dev.quiver.parser.ast.DropIndex;
import dev.quiver.parser.ast.DropTable;
import dev.quiver.parser.ast.DropView;
import dev.quiver.parser.ast.Exists;
import dev.quiver.parser.ast.Explain;
import dev.quiver.parser.ast.ExplainFormat;
import dev.quiver.parser.ast.Expression;
import dev.quiver.parser.ast.Extract;
import dev.quiver.parser.ast.FunctionCall;
import dev.quiver.parser.ast.Identifier;
import dev.quiver.parser.ast.InList;
import dev.quiver.parser.ast.InSubquery;
import dev.quiver.parser.ast.IndexColumn;
import dev.quiver.parser.ast.Insert;
import dev.quiver.parser.ast.IntervalField;
import dev.quiver.parser.ast.IntervalLiteral;
import dev.quiver.parser.ast.IsNull;
import dev.quiver.parser.ast.IsTruth;
import dev.quiver.parser.ast.Join;
import dev.quiver.parser.ast.JoinCriteria;
import dev.quiver.parser.ast.JoinOn;
import dev.quiver.parser.ast.JoinType;
import dev.quiver.parser.ast.JoinUsing;
import dev.quiver.parser.ast.KeyConstraint;
import dev.quiver.parser.ast.Like;
import dev.quiver.parser.ast.LogicalBinary;
import dev.quiver.parser.ast.LogicalOperator;
import dev.quiver.parser.ast.NaturalJoin;
import dev.quiver.parser.ast.Not;
import dev.quiver.parser.ast.NullLiteral;
import dev.quiver.parser.ast.NullOrdering;
import dev.quiver.parser.ast.NumericLiteral;
import dev.quiver.parser.ast.Parameter;
import dev.quiver.parser.ast.ParenthesizedQuery;
import dev.quiver.parser.ast.QualifiedName;
import dev.quiver.parser.ast.QuantifiedComparison;
import dev.quiver.parser.ast.Quantifier;
import dev.quiver.parser.ast.Query;
import dev.quiver.parser.ast.QueryBody;
import dev.quiver.parser.ast.QuerySpecification;
import dev.quiver.parser.ast.QueryStatement;
import dev.quiver.parser.ast.Reindex;
import dev.quiver.parser.ast.Relation;
import dev.quiver.parser.ast.ScalarSubquery;
import dev.quiver.parser.ast.SelectExpression;
import dev.quiver.parser.ast.SelectItem;
import dev.quiver.parser.ast.SetOperation;
import dev.quiver.parser.ast.SetOperator;
import dev.quiver.parser.ast.SetOption;
import dev.quiver.parser.ast.SortItem;
import dev.quiver.parser.ast.Span;
import dev.quiver.parser.ast.Statement;
import dev.quiver.parser.ast.StringLiteral;
import dev.quiver.parser.ast.SubqueryRelation;
import dev.quiver.parser.ast.TableAlias;
import dev.quiver.parser.ast.TableReference;
import dev.quiver.parser.ast.TypeName;
import dev.quiver.parser.ast.TypedLiteral;
import dev.quiver.parser.ast.Update;
import dev.quiver.parser.ast.Values;
import dev.quiver.parser.ast.WhenClause;
import dev.quiver.parser.ast.With;
import dev.quiver.parser.ast.WithQuery;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.tree.RuleNode;
import org.antlr.v4.runtime.tree.TerminalNode;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Builds the immutable AST from ANTLR's parse tree. Every node gets the span of the text it was
 * built from; a parenthesized expression or relation is the node inside the parentheses.
 *
 * <p>Chains of left-associative operators ({@code a + b + c ...}, {@code x OR y OR ...}, UNION
 * chains) are built with a loop, not recursion, so that long generated predicates do not need
 * a deep stack.
 */
final class AstBuilder extends QuiverSqlBaseVisitor<Object> {
    private final SourceText source;
    /** Token indexes of all {@code ?} parameters, in order. */
    private final int[] questionMarks;
    /** Position in {@link #questionMarks} of the first {@code ?} of the statement being built. */
    private int firstQuestionMark;

    AstBuilder(SourceText source, TokenStream tokens) {
        this.source = requireNonNull(source, "source");
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).getType() == QuiverSqlLexer.QUESTION_MARK) {
                found.add(tokens.get(i).getTokenIndex());
            }
        }
        this.questionMarks = found.stream().mapToInt(Integer::intValue).toArray();
    }

    /** A top-level statement; its {@code ?} parameters are numbered from 0. */
    Statement statement(StatementContext context) {
        startParameterNumbering(context.getStart());
        return (Statement) visit(context);
    }

    /** A standalone expression; its {@code ?} parameters are numbered from 0. */
    Expression standaloneExpression(ExpressionContext context) {
        startParameterNumbering(context.getStart());
        return expression(context);
    }

    private void startParameterNumbering(Token first) {
        int index = 0;
        while (index < questionMarks.length && questionMarks[index] < first.getTokenIndex()) {
            index++;
        }
        firstQuestionMark = index;
    }

    // ------------------------------------------------------------------ statements

    @Override
    public Statement visitStatementDefault(StatementDefaultContext context) {
        return new QueryStatement(query(context.query()), span(context));
    }

    @Override
    public Statement visitCreateTable(CreateTableContext context) {
        List<ColumnDefinition> columns = new ArrayList<>();
        List<KeyConstraint> keys = new ArrayList<>();
        for (TableElementContext element : context.tableElement()) {
            if (element.columnDefinition() != null) {
                columns.add(columnDefinition(element.columnDefinition(), keys));
            } else {
                TableConstraintContext constraint = element.tableConstraint();
                keys.add(new KeyConstraint(Optional.ofNullable(constraint.identifier()).map(this::identifier),
                        constraint.PRIMARY() != null, columnAliases(constraint.columnAliases()), span(constraint)));
            }
        }
        return new CreateTable(qualifiedName(context.qualifiedName()), columns, keys, context.EXISTS() != null, span(context));
    }

    /** A column definition; its PRIMARY KEY or UNIQUE constraints are added to {@code keys}. */
    private ColumnDefinition columnDefinition(ColumnDefinitionContext context, List<KeyConstraint> keys) {
        Identifier name = identifier(context.identifier());
        boolean notNull = false;
        boolean nullable = false;
        for (ColumnConstraintContext constraint : context.columnConstraint()) {
            if (constraint instanceof NotNullConstraintContext || constraint instanceof PrimaryKeyConstraintContext) {
                notNull = true;
            }
            else if (constraint instanceof NullConstraintContext) {
                nullable = true;
            }
            else if (constraint instanceof DefaultConstraintContext defaultValue) {
                throw source.error(SqlState.FEATURE_NOT_SUPPORTED,
                        "DEFAULT is not supported: columns have no default values; give every column a value in INSERT",
                        offset(defaultValue.getStart()), null);
            }
            if (constraint instanceof PrimaryKeyConstraintContext || constraint instanceof UniqueConstraintContext) {
                keys.add(new KeyConstraint(Optional.empty(), constraint instanceof PrimaryKeyConstraintContext, List.of(name),
                        span(constraint)));
            }
            if (notNull && nullable) {
                throw source.syntaxError("conflicting NULL and NOT NULL declarations for column " + name.display(),
                        offset(constraint.getStart()));
            }
        }
        return new ColumnDefinition(name, type(context.type()), notNull, span(context));
    }

    @Override
    public Statement visitCreateTableAsSelect(CreateTableAsSelectContext context) {
        return new CreateTableAs(qualifiedName(context.qualifiedName()), query(context.query()), context.EXISTS() != null,
                span(context));
    }

    @Override
    public Statement visitCreateView(CreateViewContext context) {
        return new CreateView(qualifiedName(context.qualifiedName()), columnAliases(context.columnAliases()),
                query(context.query()), context.REPLACE() != null, span(context));
    }

    @Override
    public Statement visitDropTable(DropTableContext context) {
        return new DropTable(qualifiedName(context.qualifiedName()), context.EXISTS() != null, span(context));
    }

    @Override
    public Statement visitDropView(DropViewContext context) {
        return new DropView(qualifiedName(context.qualifiedName()), context.EXISTS() != null, span(context));
    }

    @Override
    public Statement visitCreateIndex(CreateIndexContext context) {
        List<IndexColumn> columns = context.indexColumn().stream()
                .map(c -> new IndexColumn(identifier(c.identifier()), c.DESC() != null, span(c)))
                .toList();
        return new CreateIndex(identifier(context.identifier()), qualifiedName(context.qualifiedName()), columns,
                context.UNIQUE() != null, context.EXISTS() != null, span(context));
    }

    @Override
    public Statement visitDropIndex(DropIndexContext context) {
        return new DropIndex(qualifiedName(context.qualifiedName()), context.EXISTS() != null, span(context));
    }

    @Override
    public Statement visitDeleteFrom(DeleteFromContext context) {
        return new Delete(qualifiedName(context.qualifiedName()), targetAlias(context.targetAlias()),
                Optional.ofNullable(context.where).map(this::expression), span(context));
    }

    @Override
    public Statement visitUpdate(UpdateContext context) {
        List<ColumnAssignment> assignments = context.setClause().stream()
                .map(c -> new ColumnAssignment(identifier(c.identifier()), expression(c.expression()), span(c)))
                .toList();
        return new Update(qualifiedName(context.qualifiedName()), targetAlias(context.targetAlias()), assignments,
                Optional.ofNullable(context.where).map(this::expression), span(context));
    }

    private Optional<Identifier> targetAlias(TargetAliasContext context) {
        return context == null ? Optional.empty() : Optional.of(identifier(context.identifier()));
    }

    @Override
    public Statement visitInsertInto(InsertIntoContext context) {
        return new Insert(qualifiedName(context.qualifiedName()), columnAliases(context.columnAliases()),
                query(context.query()), conflictAction(context), span(context));
    }

    /** {@code REPLACE INTO} is SQLite's {@code INSERT OR REPLACE INTO}. */
    private static ConflictAction conflictAction(InsertIntoContext context) {
        if (context.INSERT() == null) {
            return ConflictAction.REPLACE;
        }
        if (context.conflictAction == null) {
            return ConflictAction.ERROR;
        }
        return context.conflictAction.getType() == QuiverSqlLexer.REPLACE ? ConflictAction.REPLACE : ConflictAction.IGNORE;
    }

    @Override
    public Statement visitAnalyze(AnalyzeContext context) {
        return new Analyze(Optional.ofNullable(context.qualifiedName()).map(this::qualifiedName), span(context));
    }

    @Override
    public Statement visitReindex(ReindexContext context) {
        Optional<Reindex.Kind> kind = Optional.ofNullable(context.reindexKind)
                .map(token -> token.getType() == QuiverSqlLexer.INDEX ? Reindex.Kind.INDEX : Reindex.Kind.TABLE);
        return new Reindex(kind, Optional.ofNullable(context.qualifiedName()).map(this::qualifiedName), span(context));
    }

    @Override
    public Statement visitExplain(ExplainContext context) {
        Statement statement = (Statement) visit(context.statement());
        if (context.LEFT_PAREN() == null) {
            return new Explain(statement, context.ANALYZE() != null, ExplainFormat.TEXT, false, span(context));
        }
        ExplainOptionList options = new ExplainOptionList(source);
        for (ExplainOptionContext option : context.explainOption()) {
            options.add(identifier(option.identifier()), offset(option.getStart()),
                    Optional.ofNullable(option.explainOptionValue()).map(this::explainOptionValue));
        }
        return new Explain(statement, options.analyze(), options.format(), options.rules(), span(context));
    }

    /** An EXPLAIN option's value as written: a name (folded like any name), a keyword, or a string without its quotes. */
    private ExplainOptionList.Value explainOptionValue(ExplainOptionValueContext context) {
        String text;
        if (context.identifier() != null) {
            text = identifier(context.identifier()).value();
        } else if (context.STRING() != null) {
            text = unquote(context.STRING());
        } else {
            text = context.getText();
        }
        return new ExplainOptionList.Value(text, offset(context.getStart()));
    }

    @Override
    public Statement visitCall(CallContext context) {
        List<CallArgument> arguments = context.callArgument().stream()
                .map(argument -> (CallArgument) visit(argument))
                .toList();
        return new Call(qualifiedName(context.qualifiedName()), arguments, span(context));
    }

    @Override
    public CallArgument visitNamedArgument(NamedArgumentContext context) {
        return new CallArgument(Optional.of(identifier(context.identifier())), expression(context.expression()),
                span(context));
    }

    @Override
    public CallArgument visitPositionalArgument(PositionalArgumentContext context) {
        return new CallArgument(Optional.empty(), expression(context.expression()), span(context));
    }

    @Override
    public Statement visitSetOption(SetOptionContext context) {
        return new SetOption(identifier(context.identifier()), (Expression) visit(context.setValue()), span(context));
    }

    @Override
    public Expression visitSetExpression(SetExpressionContext context) {
        Expression value = expression(context.expression());
        // A bare word is a string: SET execution_mode = verify.
        if (value instanceof ColumnReference reference && reference.parts().size() == 1) {
            return new StringLiteral(reference.column().value(), reference.span());
        }
        return value;
    }

    @Override
    public Expression visitSetOn(SetOnContext context) {
        return new StringLiteral("on", span(context));
    }

    // ------------------------------------------------------------------ queries

    Query query(QueryContext context) {
        Optional<With> with = Optional.ofNullable(context.with()).map(this::with);
        QueryBody body = (QueryBody) visit(context.queryTerm());
        List<SortItem> orderBy = context.orderBy() == null
                ? List.of()
                : context.orderBy().sortItem().stream().map(this::sortItem).toList();
        Optional<Expression> limit = Optional.empty();
        Optional<Expression> offset = Optional.empty();
        LimitOffsetContext limitOffset = context.limitOffset();
        if (limitOffset != null) {
            if (limitOffset.limitValue() != null) {
                limit = limitOffset.limitValue() instanceof LimitExpressionContext limitExpression
                        ? Optional.of(expression(limitExpression.expression()))
                        : Optional.empty();
            }
            if (limitOffset.offsetValue() != null) {
                offset = Optional.of(expression(limitOffset.offsetValue().expression()));
            }
        }
        return new Query(with, body, orderBy, limit, offset, span(context));
    }

    private With with(WithContext context) {
        return new With(context.namedQuery().stream().map(this::namedQuery).toList(), span(context));
    }

    private WithQuery namedQuery(NamedQueryContext context) {
        return new WithQuery(identifier(context.identifier()), columnAliases(context.columnAliases()),
                query(context.query()), span(context));
    }

    private SortItem sortItem(SortItemContext context) {
        boolean descending = context.ordering != null && context.ordering.getType() == QuiverSqlLexer.DESC;
        NullOrdering nulls = NullOrdering.DEFAULT;
        if (context.nullOrdering != null) {
            nulls = context.nullOrdering.getType() == QuiverSqlLexer.FIRST ? NullOrdering.FIRST : NullOrdering.LAST;
        }
        return new SortItem(expression(context.expression()), descending, nulls, span(context));
    }

    @Override
    public QueryBody visitQueryTermDefault(QueryTermDefaultContext context) {
        return (QueryBody) visit(context.queryPrimary());
    }

    @Override
    public QueryBody visitSetOperation(SetOperationContext context) {
        Deque<SetOperationContext> chain = new ArrayDeque<>();
        QueryTermContext current = context;
        while (current instanceof SetOperationContext operation) {
            chain.push(operation);
            current = operation.left;
        }
        QueryBody result = (QueryBody) visit(current);
        while (!chain.isEmpty()) {
            SetOperationContext operation = chain.pop();
            SetOperator operator = switch (operation.operator.getType()) {
                case QuiverSqlLexer.UNION -> SetOperator.UNION;
                case QuiverSqlLexer.INTERSECT -> SetOperator.INTERSECT;
                default -> SetOperator.EXCEPT;
            };
            boolean all = operation.setQuantifier() != null && operation.setQuantifier().ALL() != null;
            result = new SetOperation(operator, all, result, (QueryBody) visit(operation.right), span(operation));
        }
        return result;
    }

    @Override
    public QueryBody visitQueryPrimaryDefault(QueryPrimaryDefaultContext context) {
        return querySpecification(context.querySpecification());
    }

    @Override
    public QueryBody visitInlineTable(InlineTableContext context) {
        List<List<Expression>> rows = context.rowConstructor().stream().map(this::row).toList();
        return new Values(rows, span(context));
    }

    private List<Expression> row(RowConstructorContext context) {
        return expressions(context.expression());
    }

    @Override
    public QueryBody visitSubquery(SubqueryContext context) {
        return new ParenthesizedQuery(query(context.query()), span(context));
    }

    private QuerySpecification querySpecification(QuerySpecificationContext context) {
        List<SelectItem> items = context.selectItem().stream().map(item -> (SelectItem) visit(item)).toList();
        Optional<Relation> from = Optional.empty();
        for (RelationContext relationContext : context.relation()) {
            Relation relation = relation(relationContext);
            from = Optional.of(from
                    .<Relation>map(left -> new Join(JoinType.CROSS, left, relation, Optional.empty(),
                            left.span().union(relation.span())))
                    .orElse(relation));
        }
        return new QuerySpecification(
                isDistinct(context.setQuantifier()),
                items,
                from,
                Optional.ofNullable(context.where).map(this::expression),
                expressions(context.groupBy),
                Optional.ofNullable(context.having).map(this::expression),
                span(context));
    }

    private static boolean isDistinct(SetQuantifierContext context) {
        return context != null && context.DISTINCT() != null;
    }

    @Override
    public SelectItem visitSelectSingle(SelectSingleContext context) {
        return new SelectExpression(expression(context.expression()),
                Optional.ofNullable(context.identifier()).map(this::identifier), span(context));
    }

    @Override
    public SelectItem visitSelectAll(SelectAllContext context) {
        return new AllColumns(Optional.ofNullable(context.qualifiedName()).map(this::qualifiedName), span(context));
    }

    // ------------------------------------------------------------------ relations

    private Relation relation(ParserRuleContext context) {
        return (Relation) visit(context);
    }

    @Override
    public Relation visitRelationDefault(RelationDefaultContext context) {
        return relation(context.aliasedRelation());
    }

    @Override
    public Relation visitCrossJoin(CrossJoinContext context) {
        return new Join(JoinType.CROSS, relation(context.left), relation(context.right), Optional.empty(), span(context));
    }

    @Override
    public Relation visitQualifiedJoin(QualifiedJoinContext context) {
        return new Join(joinType(context.joinType()), relation(context.left), relation(context.right),
                Optional.of(joinCriteria(context.joinCriteria())), span(context));
    }

    @Override
    public Relation visitNaturalJoin(NaturalJoinContext context) {
        return new Join(joinType(context.joinType()), relation(context.left), relation(context.right),
                Optional.of(new NaturalJoin()), span(context));
    }

    private static JoinType joinType(JoinTypeContext context) {
        if (context.LEFT() != null) {
            return JoinType.LEFT;
        }
        if (context.RIGHT() != null) {
            return JoinType.RIGHT;
        }
        if (context.FULL() != null) {
            return JoinType.FULL;
        }
        return JoinType.INNER;
    }

    private JoinCriteria joinCriteria(JoinCriteriaContext context) {
        if (context.ON() != null) {
            return new JoinOn(expression(context.expression()));
        }
        return new JoinUsing(columnAliases(context.columnAliases()));
    }

    @Override
    public Relation visitTableName(TableNameContext context) {
        return new TableReference(qualifiedName(context.qualifiedName()), tableAlias(context.tableAlias()), span(context));
    }

    @Override
    public Relation visitSubqueryRelation(SubqueryRelationContext context) {
        return new SubqueryRelation(query(context.query()), tableAlias(context.tableAlias()), span(context));
    }

    @Override
    public Relation visitParenthesizedRelation(ParenthesizedRelationContext context) {
        return relation(context.relation());
    }

    private Optional<TableAlias> tableAlias(TableAliasContext context) {
        if (context == null) {
            return Optional.empty();
        }
        return Optional.of(new TableAlias(identifier(context.identifier()), columnAliases(context.columnAliases()),
                span(context)));
    }

    private List<Identifier> columnAliases(ColumnAliasesContext context) {
        return context == null ? List.of() : context.identifier().stream().map(this::identifier).toList();
    }

    // ------------------------------------------------------------------ expressions

    private Expression expression(ParserRuleContext context) {
        return (Expression) visit(context);
    }

    private List<Expression> expressions(List<? extends ParserRuleContext> contexts) {
        return contexts.stream().map(this::expression).toList();
    }

    @Override
    public Expression visitExpression(ExpressionContext context) {
        return expression(context.booleanExpression());
    }

    @Override
    public Expression visitBooleanDefault(BooleanDefaultContext context) {
        return expression(context.isExpression());
    }

    @Override
    public Expression visitLogicalNot(LogicalNotContext context) {
        return new Not(expression(context.booleanExpression()), span(context));
    }

    @Override
    public Expression visitLogicalBinary(LogicalBinaryContext context) {
        Deque<LogicalBinaryContext> chain = new ArrayDeque<>();
        BooleanExpressionContext current = context;
        while (current instanceof LogicalBinaryContext binary) {
            chain.push(binary);
            current = binary.left;
        }
        Expression result = expression(current);
        while (!chain.isEmpty()) {
            LogicalBinaryContext binary = chain.pop();
            LogicalOperator operator = binary.operator.getType() == QuiverSqlLexer.AND ? LogicalOperator.AND : LogicalOperator.OR;
            result = new LogicalBinary(operator, result, expression(binary.right), span(binary));
        }
        return result;
    }

    @Override
    public Expression visitIsDefault(IsDefaultContext context) {
        return expression(context.comparisonExpression());
    }

    @Override
    public Expression visitIsNull(IsNullContext context) {
        return new IsNull(expression(context.isExpression()), context.NOT() != null, span(context));
    }

    @Override
    public Expression visitIsTruth(IsTruthContext context) {
        Optional<Boolean> truth = switch (context.truth.getType()) {
            case QuiverSqlParser.TRUE -> Optional.of(true);
            case QuiverSqlParser.FALSE -> Optional.of(false);
            default -> Optional.empty();
        };
        return new IsTruth(expression(context.isExpression()), truth, context.NOT() != null, span(context));
    }

    @Override
    public Expression visitDistinctFrom(DistinctFromContext context) {
        ComparisonOperator operator = context.NOT() != null
                ? ComparisonOperator.IS_NOT_DISTINCT_FROM
                : ComparisonOperator.IS_DISTINCT_FROM;
        return new Comparison(operator, expression(context.left), expression(context.right), span(context));
    }

    @Override
    public Expression visitComparisonExpression(ComparisonExpressionContext context) {
        Expression left = expression(context.left);
        if (context.comparisonOperator() == null) {
            return left;
        }
        ComparisonOperator operator = comparisonOperator(context.comparisonOperator());
        if (context.comparisonQuantifier() != null) {
            Quantifier quantifier = context.comparisonQuantifier().ALL() != null ? Quantifier.ALL : Quantifier.ANY;
            return new QuantifiedComparison(operator, quantifier, left, query(context.query()), span(context));
        }
        return new Comparison(operator, left, expression(context.right), span(context));
    }

    private static ComparisonOperator comparisonOperator(ComparisonOperatorContext context) {
        return switch (context.getStart().getType()) {
            case QuiverSqlLexer.EQ -> ComparisonOperator.EQUAL;
            case QuiverSqlLexer.NEQ -> ComparisonOperator.NOT_EQUAL;
            case QuiverSqlLexer.LT -> ComparisonOperator.LESS_THAN;
            case QuiverSqlLexer.LTE -> ComparisonOperator.LESS_THAN_OR_EQUAL;
            case QuiverSqlLexer.GT -> ComparisonOperator.GREATER_THAN;
            case QuiverSqlLexer.GTE -> ComparisonOperator.GREATER_THAN_OR_EQUAL;
            default -> throw new IllegalStateException("comparison operator " + context.getText());
        };
    }

    @Override
    public Expression visitPredicateExpression(PredicateExpressionContext context) {
        Expression value = expression(context.valueExpression());
        PredicateContext predicate = context.predicate();
        if (predicate == null) {
            return value;
        }
        Span span = span(context);
        if (predicate instanceof BetweenContext between) {
            return new Between(value, expression(between.lower), expression(between.upper), between.NOT() != null, span);
        }
        if (predicate instanceof InSubqueryContext in) {
            return new InSubquery(value, query(in.query()), in.NOT() != null, span);
        }
        if (predicate instanceof InListContext in) {
            return new InList(value, expressions(in.expression()), in.NOT() != null, span);
        }
        LikeContext like = (LikeContext) predicate;
        return new Like(value, expression(like.pattern), Optional.ofNullable(like.escape).map(this::expression),
                like.NOT() != null, like.operator.getType() == QuiverSqlLexer.ILIKE, span);
    }

    @Override
    public Expression visitValueDefault(ValueDefaultContext context) {
        return expression(context.primaryExpression());
    }

    @Override
    public Expression visitCastOperator(CastOperatorContext context) {
        return new Cast(expression(context.valueExpression()), type(context.type()), span(context));
    }

    @Override
    public Expression visitArithmeticUnary(ArithmeticUnaryContext context) {
        return new ArithmeticUnary(context.operator.getType() == QuiverSqlLexer.MINUS,
                expression(context.valueExpression()), span(context));
    }

    @Override
    public Expression visitArithmeticBinary(ArithmeticBinaryContext context) {
        return binaryChain(context);
    }

    @Override
    public Expression visitConcatenation(ConcatenationContext context) {
        return binaryChain(context);
    }

    /** Builds {@code a op b op c ...} (arithmetic and ||) down the left spine without recursion. */
    private Expression binaryChain(ValueExpressionContext context) {
        Deque<ValueExpressionContext> chain = new ArrayDeque<>();
        ValueExpressionContext current = context;
        while (current instanceof ArithmeticBinaryContext || current instanceof ConcatenationContext) {
            chain.push(current);
            current = current instanceof ArithmeticBinaryContext arithmetic
                    ? arithmetic.left
                    : ((ConcatenationContext) current).left;
        }
        Expression result = expression(current);
        while (!chain.isEmpty()) {
            ValueExpressionContext binary = chain.pop();
            if (binary instanceof ArithmeticBinaryContext arithmetic) {
                result = new ArithmeticBinary(arithmeticOperator(arithmetic.operator), result,
                        expression(arithmetic.right), span(arithmetic));
            }
            else {
                result = new Concatenation(result, expression(((ConcatenationContext) binary).right), span(binary));
            }
        }
        return result;
    }

    private static ArithmeticOperator arithmeticOperator(Token operator) {
        return switch (operator.getType()) {
            case QuiverSqlLexer.PLUS -> ArithmeticOperator.ADD;
            case QuiverSqlLexer.MINUS -> ArithmeticOperator.SUBTRACT;
            case QuiverSqlLexer.ASTERISK -> ArithmeticOperator.MULTIPLY;
            case QuiverSqlLexer.SLASH -> ArithmeticOperator.DIVIDE;
            case QuiverSqlLexer.PERCENT -> ArithmeticOperator.MODULUS;
            default -> throw new IllegalStateException("arithmetic operator " + operator.getText());
        };
    }

    // ------------------------------------------------------------------ primary expressions

    @Override
    public Expression visitNullLiteral(NullLiteralContext context) {
        return new NullLiteral(span(context));
    }

    @Override
    public Expression visitNumericLiteral(NumericLiteralContext context) {
        return new NumericLiteral(context.getText(), span(context));
    }

    @Override
    public Expression visitBooleanLiteral(BooleanLiteralContext context) {
        return new BooleanLiteral(context.TRUE() != null, span(context));
    }

    @Override
    public Expression visitStringLiteral(StringLiteralContext context) {
        return new StringLiteral(unquote(context.STRING()), span(context));
    }

    @Override
    public Expression visitTypedLiteral(TypedLiteralContext context) {
        Token type = context.literalType;
        TypeName typeName = new TypeName(type.getText().toLowerCase(Locale.ROOT), List.of(), source.span(type));
        return new TypedLiteral(typeName, unquote(context.STRING()), span(context));
    }

    @Override
    public Expression visitIntervalLiteral(IntervalLiteralContext context) {
        boolean negative = context.sign != null && context.sign.getType() == QuiverSqlLexer.MINUS;
        // A precision such as the (3) in TPC-H's INTERVAL '90' DAY (3) is accepted and ignored.
        return new IntervalLiteral(unquote(context.STRING()), intervalField(context.intervalField()), negative,
                span(context));
    }

    private static IntervalField intervalField(IntervalFieldContext context) {
        return switch (context.getStart().getType()) {
            case QuiverSqlLexer.YEAR, QuiverSqlLexer.YEARS -> IntervalField.YEAR;
            case QuiverSqlLexer.MONTH, QuiverSqlLexer.MONTHS -> IntervalField.MONTH;
            case QuiverSqlLexer.DAY, QuiverSqlLexer.DAYS -> IntervalField.DAY;
            case QuiverSqlLexer.HOUR, QuiverSqlLexer.HOURS -> IntervalField.HOUR;
            case QuiverSqlLexer.MINUTE, QuiverSqlLexer.MINUTES -> IntervalField.MINUTE;
            case QuiverSqlLexer.SECOND, QuiverSqlLexer.SECONDS -> IntervalField.SECOND;
            default -> throw new IllegalStateException("interval field " + context.getText());
        };
    }

    @Override
    public Expression visitPositionalParameter(PositionalParameterContext context) {
        int tokenIndex = context.getStart().getTokenIndex();
        int position = firstQuestionMark;
        while (questionMarks[position] != tokenIndex) {
            position++;
        }
        return new Parameter(position - firstQuestionMark, span(context));
    }

    @Override
    public Expression visitNumberedParameter(NumberedParameterContext context) {
        String text = context.getText();
        int number;
        try {
            number = Integer.parseInt(text.substring(1));
        }
        catch (NumberFormatException e) {
            throw source.syntaxError("parameter " + text + " is out of range", offset(context.getStart()));
        }
        if (number < 1) {
            throw source.syntaxError("parameter " + text + " does not exist; parameters are numbered from $1",
                    offset(context.getStart()));
        }
        return new Parameter(number - 1, span(context));
    }

    @Override
    public Expression visitSubqueryExpression(SubqueryExpressionContext context) {
        return new ScalarSubquery(query(context.query()), span(context));
    }

    @Override
    public Expression visitParenthesizedExpression(ParenthesizedExpressionContext context) {
        return expression(context.expression());
    }

    @Override
    public Expression visitExists(ExistsContext context) {
        return new Exists(query(context.query()), span(context));
    }

    @Override
    public Expression visitSimpleCase(SimpleCaseContext context) {
        return new Case(Optional.of(expression(context.operand)), whenClauses(context.whenClause()),
                Optional.ofNullable(context.elseValue).map(this::expression), span(context));
    }

    @Override
    public Expression visitSearchedCase(SearchedCaseContext context) {
        return new Case(Optional.empty(), whenClauses(context.whenClause()),
                Optional.ofNullable(context.elseValue).map(this::expression), span(context));
    }

    private List<WhenClause> whenClauses(List<WhenClauseContext> contexts) {
        return contexts.stream()
                .map(when -> new WhenClause(expression(when.condition), expression(when.result), span(when)))
                .toList();
    }

    @Override
    public Expression visitCast(CastContext context) {
        return new Cast(expression(context.expression()), type(context.type()), span(context));
    }

    @Override
    public Expression visitExtract(ExtractContext context) {
        return new Extract(identifier(context.identifier()), expression(context.valueExpression()), span(context));
    }

    @Override
    public Expression visitSubstring(SubstringContext context) {
        List<Expression> arguments = new ArrayList<>();
        arguments.add(expression(context.value));
        arguments.add(expression(context.from));
        if (context.length != null) {
            arguments.add(expression(context.length));
        }
        return new FunctionCall(builtinName("substring", context.SUBSTRING()), arguments, false, false, span(context));
    }

    @Override
    public Expression visitTrim(TrimContext context) {
        String name = "trim";
        if (context.trimSpecification() != null) {
            name = switch (context.trimSpecification().getStart().getType()) {
                case QuiverSqlLexer.LEADING -> "ltrim";
                case QuiverSqlLexer.TRAILING -> "rtrim";
                default -> "trim";
            };
        }
        List<Expression> arguments = new ArrayList<>();
        arguments.add(expression(context.value));
        if (context.chars != null) {
            arguments.add(expression(context.chars));
        }
        return new FunctionCall(builtinName(name, context.TRIM()), arguments, false, false, span(context));
    }

    @Override
    public Expression visitPosition(PositionContext context) {
        return new FunctionCall(builtinName("position", context.POSITION()),
                List.of(expression(context.needle), expression(context.haystack)), false, false, span(context));
    }

    private QualifiedName builtinName(String name, TerminalNode keyword) {
        Span span = source.span(keyword.getSymbol());
        return new QualifiedName(List.of(new Identifier(name, false, span)), span);
    }

    @Override
    public Expression visitFunctionCallStar(FunctionCallStarContext context) {
        return new FunctionCall(functionName(context.functionName()), List.of(), false, true, span(context));
    }

    @Override
    public Expression visitFunctionCall(FunctionCallContext context) {
        return new FunctionCall(functionName(context.functionName()), expressions(context.expression()),
                isDistinct(context.setQuantifier()), false, span(context));
    }

    private QualifiedName functionName(FunctionNameContext context) {
        if (context.qualifiedName() != null) {
            return qualifiedName(context.qualifiedName());
        }
        // LEFT and RIGHT are reserved (joins) but also the names of string functions.
        Span span = span(context);
        return new QualifiedName(List.of(new Identifier(context.getText().toLowerCase(Locale.ROOT), false, span)), span);
    }

    @Override
    public Expression visitColumnReference(ColumnReferenceContext context) {
        return new ColumnReference(context.identifier().stream().map(this::identifier).toList(), span(context));
    }

    // ------------------------------------------------------------------ types and names

    private TypeName type(TypeContext context) {
        StringBuilder name = new StringBuilder(baseTypeName(context.baseType()));
        if (context.timeZone != null) {
            name.append(context.timeZone.getType() == QuiverSqlLexer.WITH ? " with time zone" : " without time zone");
        }
        List<Integer> parameters = new ArrayList<>();
        for (TerminalNode parameter : context.INTEGER_VALUE()) {
            try {
                parameters.add(Integer.parseInt(parameter.getText()));
            }
            catch (NumberFormatException e) {
                throw source.syntaxError("type parameter " + parameter.getText() + " is out of range",
                        offset(parameter.getSymbol()));
            }
        }
        return new TypeName(name.toString(), parameters, span(context));
    }

    private String baseTypeName(BaseTypeContext context) {
        if (context.identifier() != null) {
            return identifier(context.identifier()).value();
        }
        return context.children.stream()
                .map(child -> child.getText().toLowerCase(Locale.ROOT))
                .reduce((a, b) -> a + " " + b)
                .orElseThrow();
    }

    private QualifiedName qualifiedName(QualifiedNameContext context) {
        return new QualifiedName(context.identifier().stream().map(this::identifier).toList(), span(context));
    }

    Identifier identifier(IdentifierContext context) {
        return (Identifier) visit(context);
    }

    @Override
    public Identifier visitUnquotedIdentifier(UnquotedIdentifierContext context) {
        return new Identifier(context.getText().toLowerCase(Locale.ROOT), false, span(context));
    }

    @Override
    public Identifier visitKeywordIdentifier(KeywordIdentifierContext context) {
        return new Identifier(context.getText().toLowerCase(Locale.ROOT), false, span(context));
    }

    @Override
    public Identifier visitQuotedIdentifier(QuotedIdentifierContext context) {
        String text = context.getText();
        String value = text.substring(1, text.length() - 1).replace("\"\"", "\"");
        if (value.isEmpty()) {
            throw source.syntaxError("zero-length quoted identifier; a name needs at least one character",
                    offset(context.getStart()));
        }
        return new Identifier(value, true, span(context));
    }

    // ------------------------------------------------------------------ helpers

    private static String unquote(TerminalNode string) {
        String text = string.getText();
        return text.substring(1, text.length() - 1).replace("''", "'");
    }

    private Span span(ParserRuleContext context) {
        return source.span(context);
    }

    private int offset(Token token) {
        return source.offset(token.getStartIndex());
    }

    /** Rules with labeled alternatives dispatch through {@link #visit}; any other rule reaching it is a bug. */
    @Override
    public Object visitChildren(RuleNode node) {
        throw new IllegalStateException("no AST builder for rule " + node.getClass().getSimpleName());
    }
}
