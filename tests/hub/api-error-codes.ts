// The refusal codes the hub documents, read from its TypeScript source rather than copied here:
// the `ApiErrorCode` union that `ApiError` (src/lib/server/api/http.ts) takes — today declared in
// src/lib/contract/errors.ts — found by following the imports and re-exports from there, with
// each type it names followed to its definition (a union of string literals, or
// `(typeof SOME_LIST)[number]` over an `as const` array). A code added to the hub is known to the
// fuzz's oracle at once; a union written in some other way, or a declaration that cannot be
// found, fails loudly instead of being skipped.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const projectFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const srcFolder = path.join(projectFolder, 'src');

/** Where the search for the union starts: the file of `ApiError`, whose constructor takes an `ApiErrorCode`. */
export const API_ERROR_SOURCE = 'src/lib/server/api/http.ts';

function parse(file: string): ts.SourceFile {
	return ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
}

/** The file an import specifier names: `$lib` is src/lib; relative paths from the importer; a folder is its index.ts. */
function resolveImport(from: string, specifier: string): string {
	const base =
		specifier === '$lib' || specifier.startsWith('$lib/')
			? path.join(srcFolder, 'lib', specifier.slice('$lib'.length))
			: path.resolve(path.dirname(from), specifier);
	const found = [base.replace(/\.js$/, '.ts'), `${base}.ts`, path.join(base, 'index.ts')].find(
		(candidate) => candidate.endsWith('.ts') && existsSync(candidate)
	);
	if (!found) throw new Error(`${path.relative(projectFolder, from)}: cannot resolve '${specifier}'`);
	return found;
}

/** The declaration of `name` in a file, following imports and re-exports (`export { … } from`, `export * from`). */
function declarationOf(file: string, name: string): { file: string; node: ts.Node } {
	const found = findDeclaration(file, name, new Set());
	if (!found) throw new Error(`${path.relative(projectFolder, file)}: cannot find ${name}`);
	return found;
}

function findDeclaration(file: string, name: string, seen: Set<string>): { file: string; node: ts.Node } | undefined {
	if (seen.has(`${file}#${name}`)) return undefined;
	seen.add(`${file}#${name}`);
	const starExports: string[] = [];
	for (const statement of parse(file).statements) {
		if ((ts.isTypeAliasDeclaration(statement) || ts.isInterfaceDeclaration(statement)) && statement.name.text === name) {
			return { file, node: statement };
		}
		if (ts.isVariableStatement(statement)) {
			for (const declaration of statement.declarationList.declarations) {
				if (ts.isIdentifier(declaration.name) && declaration.name.text === name) return { file, node: declaration };
			}
		}
		if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
			const bindings = statement.importClause?.namedBindings;
			const imported =
				bindings && ts.isNamedImports(bindings) ? bindings.elements.find((element) => element.name.text === name) : undefined;
			if (imported) {
				return findDeclaration(
					resolveImport(file, statement.moduleSpecifier.text),
					(imported.propertyName ?? imported.name).text,
					seen
				);
			}
		}
		if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)) {
			const target = resolveImport(file, statement.moduleSpecifier.text);
			const clause = statement.exportClause;
			if (clause === undefined) starExports.push(target);
			else if (ts.isNamedExports(clause)) {
				const exported = clause.elements.find((element) => element.name.text === name);
				if (exported) return findDeclaration(target, (exported.propertyName ?? exported.name).text, seen);
			}
		}
	}
	for (const target of starExports) {
		const found = findDeclaration(target, name, seen);
		if (found) return found;
	}
	return undefined;
}

/** The string literals an `as const` array holds: `['a', 'b'] as const`. */
function arrayLiterals(file: string, name: string): string[] {
	const { node } = declarationOf(file, name);
	let initializer = ts.isVariableDeclaration(node) ? node.initializer : undefined;
	while (initializer && (ts.isAsExpression(initializer) || ts.isSatisfiesExpression(initializer))) initializer = initializer.expression;
	if (!initializer || !ts.isArrayLiteralExpression(initializer)) throw new Error(`${name} is not an array literal`);
	return initializer.elements.map((element) => {
		if (!ts.isStringLiteral(element)) throw new Error(`${name} holds something other than a string literal`);
		return element.text;
	});
}

/** The string literals a type stands for, following the type names it uses. */
function literalsOf(file: string, type: ts.TypeNode): string[] {
	if (ts.isParenthesizedTypeNode(type)) return literalsOf(file, type.type);
	if (ts.isUnionTypeNode(type)) return type.types.flatMap((member) => literalsOf(file, member));
	if (ts.isLiteralTypeNode(type) && ts.isStringLiteral(type.literal)) return [type.literal.text];
	if (ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName) && !type.typeArguments) {
		const { file: declaredIn, node } = declarationOf(file, type.typeName.text);
		if (!ts.isTypeAliasDeclaration(node)) throw new Error(`${type.typeName.text} is not a type alias`);
		return literalsOf(declaredIn, node.type);
	}
	// (typeof LIST)[number]
	if (ts.isIndexedAccessTypeNode(type) && type.indexType.kind === ts.SyntaxKind.NumberKeyword) {
		const object = ts.isParenthesizedTypeNode(type.objectType) ? type.objectType.type : type.objectType;
		if (ts.isTypeQueryNode(object) && ts.isIdentifier(object.exprName)) return arrayLiterals(file, object.exprName.text);
	}
	throw new Error(`${path.relative(projectFolder, file)}: cannot read the codes of \`${type.getText()}\``);
}

/** Every code `ApiErrorCode` admits, sorted, and the file that declares the union. */
export function documentedApiErrorCodes(): { codes: string[]; declaredIn: string } {
	const { file, node } = declarationOf(path.join(projectFolder, API_ERROR_SOURCE), 'ApiErrorCode');
	if (!ts.isTypeAliasDeclaration(node)) throw new Error('ApiErrorCode is not a type alias');
	return { codes: [...new Set(literalsOf(file, node.type))].sort(), declaredIn: path.relative(projectFolder, file) };
}
