package se.kommun.kvalitet.cases.answertemplates;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface AnswerTemplateRepository extends JpaRepository<AnswerTemplate, Long> {

    List<AnswerTemplate> findAllByOrderByCategoryAscStepAscSortOrderAscIdAsc();

    List<AnswerTemplate> findByActiveTrueOrderByCategoryAscStepAscSortOrderAscIdAsc();

    List<AnswerTemplate> findByCategoryAndStepInAndActiveTrueOrderByStepAscSortOrderAscIdAsc(String category,
            List<AnswerTemplate.Step> steps);
}
