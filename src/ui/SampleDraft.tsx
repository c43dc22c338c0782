/**
 * A static excerpt of resolution 6/2 (corpus/CTOC-COP-2012-15.txt, chapter I): its title, the enacting
 * formula, two preambular paragraphs and three of its operative paragraphs, renumbered 1-3. Italics mark
 * only the openers and operative verbs (DRAFTING-RULES.md section 8); preambular paragraphs end with a
 * comma, operative paragraphs with a semicolon and the last with a full stop (section 1).
 */
export function SampleDraft() {
  return (
    <article className="page" aria-label="Draft">
      <h1 className="res-title">
        Promoting accession to and implementation of the Protocol against the Illicit Manufacturing of and
        Trafficking in Firearms, Their Parts and Components and Ammunition, supplementing the United Nations
        Convention against Transnational Organized Crime
      </h1>
      <p className="res-formula">
        The Conference of the Parties to the United Nations Convention against Transnational Organized Crime,
      </p>
      <p className="res-pre">
        <em>Expressing its conviction</em> that there is a need to strengthen international cooperation to
        combat the illicit manufacturing of and trafficking in firearms, their parts and components and
        ammunition,
      </p>
      <p className="res-pre">
        <em>Noting with appreciation</em> the increasing number of accessions to the Firearms Protocol,
      </p>
      <ol className="res-ops">
        <li className="res-op">
          <span className="res-op__num" aria-hidden="true">
            1.
          </span>
          <em>Expresses its appreciation</em> for the work of the Working Group on Firearms at its meeting
          held in Vienna on 21 and 22 May 2012 and takes note of the recommendations contained in its report;
        </li>
        <li className="res-op">
          <span className="res-op__num" aria-hidden="true">
            2.
          </span>
          <em>Decides</em> that the Secretariat, in cooperation with the Chair of the Working Group on
          Firearms, shall prepare a report on the activities of the Working Group, to be submitted to the
          Conference at its seventh session;
        </li>
        <li className="res-op">
          <span className="res-op__num" aria-hidden="true">
            3.
          </span>
          <em>Invites</em> States and other donors to provide extrabudgetary resources for the purposes
          outlined in the present resolution in accordance with the rules and procedures of the United
          Nations.
        </li>
      </ol>
    </article>
  );
}
